package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart with a fleet of four on {@code --engine swarm}: a single-node swarm of this host's
 * engine (initialised by the run when there is none), the twin image through the run's registry, a
 * report of the same shape as the docker engine's, and no service, config, volume, registry or swarm
 * left behind. The measured part is shortened; the variants, components, limits and thresholds are
 * the quickstart's.
 */
class SwarmQuickstartIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void quickstartWithFourTwinsRunsOnSwarmAndLeavesNothingBehind() throws Exception {
        boolean swarmBefore = docker("info", "--format", "{{.Swarm.LocalNodeState}}").equals("active");
        String quickstart = Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("name: quickstart", "name: quickstart-swarm\nfleet: {twins: 4}")
                .replace("warmup: 5s", "warmup: 3s").replace("duration: 30s", "duration: 15s");
        Path scenario = Files.writeString(dir.resolve("quickstart-swarm.yaml"), quickstart);
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--engine", "swarm", "--out", out.toString());

        assertThat(exit).as("a verdict, not bad input or an unexpected error").isIn(Main.PASSED, Main.THRESHOLD_FAILED,
                Main.RUN_INVALID);
        Report report = ReportJson.read(out.resolve("report.json"));
        assertThat(report.variants().keySet()).containsExactly("limited", "unlimited");
        for (VariantResult variant : report.variants().values()) {
            assertThat(variant.requests().ok()).isPositive();
            assertEquals(variant.requested().memoryBytes(), variant.device().memoryBytes(), "service memory limit, read back inside");
            assertEquals(variant.requested().cpus(), variant.device().cpus(), 1e-9);
            assertEquals(variant.requested().pids(), variant.device().pids());
            assertThat(variant.device().memorySwapBytes()).as("swarm sets no memory+swap limit (docs/scale.md)")
                    .isNotEqualTo(variant.requested().memorySwapBytes());
            assertThat(variant.series().stream().filter(ResourceSeries::isDevice).map(ResourceSeries::twin).distinct())
                    .as("a device series per twin").hasSize(4);
            assertThat(variant.series()).filteredOn(ResourceSeries::isDevice)
                    .allSatisfy(s -> assertEquals("host cgroup", s.source(), "tasks on this node are read from its cgroups"));
            assertThat(variant.series()).filteredOn(s -> !s.isDevice()).isNotEmpty()
                    .allSatisfy(s -> assertEquals("core status", s.source()));
            assertThat(variant.components()).containsKeys("com.edgetwin.Inference", "com.edgetwin.CpuHog");
        }
        assertThat(report.variants().get("limited").components().values()).allMatch(c -> c.enforced(),
                "per-component limits enforced inside swarm tasks");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Where the resource figures came from");
        if (swarmBefore) {
            assertThat(docker("service", "ls", "--filter", "label=edgetwin.managed=true", "--quiet")).isEmpty();
            assertThat(docker("config", "ls", "--filter", "label=edgetwin.managed=true", "--quiet")).isEmpty();
        }
        assertThat(docker("volume", "ls", "--filter", "label=edgetwin.managed=true", "--quiet")).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains("docker-registry") && cmd.contains("edgetwin-runs"))).as("registries").isEmpty();
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
        if (!swarmBefore) {
            assertEquals("inactive", docker("info", "--format", "{{.Swarm.LocalNodeState}}"), "the swarm the run initialised");
        }
    }

    private static String docker(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
