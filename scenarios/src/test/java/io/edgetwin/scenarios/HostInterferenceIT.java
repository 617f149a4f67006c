package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgetwin.report.Interference;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.simulator.Main;
import io.edgetwin.simulator.host.HostProbe;
import io.edgetwin.simulator.host.InterferenceMeter;
import io.edgetwin.simulator.host.OwnUsage;
import io.edgetwin.simulator.scenario.ValidityRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short limited-vs-unlimited comparison run twice: on the host as it is (VALID when the host is
 * quiet), then while two CPU burners the test starts, bounded by {@code timeout}, compete with the
 * twins (INVALID, the interference named). The host is shared, so the quiet half is skipped, saying
 * why, when others already used more than half of what the rule allows in the seconds before the run.
 */
class HostInterferenceIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void aRunBesideCpuBurnersIsInvalidNamingTheInterferenceAndAQuietRunIsValid() throws Exception {
        Path scenario = dir.resolve("interference.yaml");
        Files.writeString(scenario, Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("warmup: 5s", "warmup: 2s").replace("duration: 30s", "duration: 15s")
                // the built-in default, stated: Failsafe turns the rule off for the other container tests
                + "validity: {maxOutsideCpu: " + (int) (ValidityRules.DEFAULT_MAX_OUTSIDE_CPU * 100) + "%}\n");

        double before = outsideShareNow();
        Report quiet = run(scenario, "quiet");
        Report busy;
        List<Process> burners = burners(2);
        try {
            busy = run(scenario, "busy");
        } finally {
            burners.forEach(HostInterferenceIT::stop);
        }

        assertEquals(Outcome.INVALID, busy.verdict(), "two burners on a 2-core host");
        String reasons = String.join("; ", busy.variants().get("limited").validity().reasons());
        assertThat(reasons).contains("host interference: others on this host used").contains("validity.maxOutsideCpu");
        assertThat(outside(busy)).as("the busy run's mean others' CPU").isGreaterThan(ValidityRules.DEFAULT_MAX_OUTSIDE_CPU);
        assertThat(Leftovers.containers()).isEmpty();

        assumeTrue(before <= ValidityRules.DEFAULT_MAX_OUTSIDE_CPU / 2, String.format(Locale.ROOT,
                "the host was not quiet before the quiet run: others used %.0f %% of its cores (the rule allows %.0f %%);"
                        + " the burner half was checked, the quiet half is skipped", before * 100,
                ValidityRules.DEFAULT_MAX_OUTSIDE_CPU * 100));
        assertThat(quiet.verdict()).as("a quiet run is VALID; reasons: %s", quiet.variants().values().stream()
                .flatMap(v -> v.validity().reasons().stream()).toList()).isNotEqualTo(Outcome.INVALID);
    }

    private Report run(Path scenario, String name) {
        Path out = dir.resolve(name);
        Main.execute("run", scenario.toString(), "--out", out.toString());
        return ReportJson.read(out.resolve("report.json"));
    }

    private static double outside(Report report) {
        Interference limited = report.variants().get("limited").interference();
        assertThat(limited).as("interference measured on this host").isNotNull();
        return limited.outsideShare();
    }

    /** Others' CPU over the next three seconds, as the run would measure it (this JVM counts as the run's). */
    private static double outsideShareNow() throws InterruptedException {
        OwnUsage own = OwnUsage.ofThisHost();
        own.addProcess(() -> ProcessHandle.current().pid());
        InterferenceMeter meter = new InterferenceMeter(HostProbe.ofThisHost(own), System::nanoTime);
        meter.begin(System.nanoTime());
        CountDownLatch samples = new CountDownLatch(4);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            sampler.scheduleAtFixedRate(() -> {
                meter.sample();
                samples.countDown();
            }, 0, 1, TimeUnit.SECONDS);
            assertThat(samples.await(20, TimeUnit.SECONDS)).as("four readings of the host").isTrue();
        } finally {
            sampler.shutdownNow();
        }
        return meter.result().outsideShare();
    }

    /** Busy loops, each ended by {@code timeout} after 150 s at the latest even if this JVM dies. */
    private static List<Process> burners(int count) throws Exception {
        List<Process> burners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            burners.add(new ProcessBuilder("timeout", "150", "sh", "-c", "while :; do :; done")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        return burners;
    }

    private static void stop(Process burner) {
        burner.descendants().forEach(ProcessHandle::destroyForcibly);
        burner.destroyForcibly();
        try {
            burner.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
