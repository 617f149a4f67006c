package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the swarm engine (docs/scale.md): a power loss scales the twin's service to zero and back,
 * and the core comes back (uptime from zero, heard again); a device-caps change is a service update
 * whose new task holds the new limits, read back from its cgroup on this node.
 */
class SwarmFaultsIT {

    private static final String SCENARIO = """
            name: swarm-faults
            engine: swarm
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            variants:
              limited:
                components:
                  com.edgetwin.Inference: {systemResourceLimits: {memory: 524288, cpus: 0.75}}
              unlimited: {}
            workload: {target: com.edgetwin.Inference, rate: 10/s, warmup: 2s, duration: 40s}
            faults:
              - {at: 2s, kind: power-loss, twin: 1, for: 3s}
              - {at: 25s, kind: device-caps, cpus: 0.8}
            """;

    @TempDir
    Path dir;

    @Test
    void aPowerLossAndACapChangeActOnTheTwinsService() throws Exception {
        Path scenario = Files.writeString(dir.resolve("swarm-faults.yaml"), SCENARIO);
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--out", out.toString());

        assertThat(exit).isIn(Main.PASSED, Main.THRESHOLD_FAILED, Main.RUN_INVALID);
        Report report = ReportJson.read(out.resolve("report.json"));
        for (VariantResult variant : report.variants().values()) {
            List<String> events = variant.events().stream().map(e -> e.kind() + " " + e.detail()).toList();
            assertThat(events).anyMatch(e -> e.startsWith("fault-start power-loss: container killed"));
            assertThat(events).as("the core started again").anyMatch(e -> e.startsWith("power-on "));
            assertThat(events).noneMatch(e -> e.startsWith("fault-failed"));
            assertThat(events).anyMatch(e -> e.startsWith("fault-start device-caps: ") && e.contains("read back: memory")
                    && e.contains("cpus 0.8"));
            assertThat(variant.requests().ok()).isPositive();
        }
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }
}
