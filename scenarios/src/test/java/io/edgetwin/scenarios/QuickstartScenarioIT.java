package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, as a user runs it: the quickstart scenario on real capped twins. */
class QuickstartScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path out;

    @Test
    void quickstartRunsBothVariantsOnCappedTwinsAndLeavesNothingBehind() throws Exception {
        int exit = Main.execute("run", HOME.resolve("scenarios/quickstart.yaml").toString(), "--out", out.toString());

        // The scenario's latency SLO is the report's verdict, not this test's: a busy shared host may break it.
        assertThat(exit).isIn(Main.PASSED, Main.THRESHOLD_FAILED);
        assertThat(out.resolve("report.md")).exists();
        Report report = ReportJson.read(out.resolve("report.json"));
        assertEquals(exit == Main.PASSED, report.passed(), "the exit code follows the report's verdict");
        assertThat(report.variants().get("limited").thresholds()).extracting(t -> t.expr())
                .containsExactly("errors.rate < 1%", "latency.p99 < 100ms");
        assertThat(report.variants().get("limited").thresholds()).allMatch(t -> t.actual() != null, "every threshold was evaluated");
        assertThat(report.variants().keySet()).containsExactly("limited", "unlimited");
        for (VariantResult variant : report.variants().values()) {
            assertThat(variant.requests().ok()).isPositive();
            assertEquals(variant.requested(), variant.device(), "applied caps, read back inside the twin, equal the scenario's");
            assertEquals(768L * 1024 * 1024, variant.device().memoryBytes());
            assertThat(variant.twinStartMs()).isPositive();
            assertThat(variant.latencyMs().p99()).isPositive();
            assertThat(variant.devicePeakMemoryBytes()).isPositive();
            assertThat(variant.components()).containsKeys("com.edgetwin.Inference", "com.edgetwin.CpuHog");
        }
        assertThat(report.variants().get("limited").components().get("com.edgetwin.CpuHog").limits().cpus()).isEqualTo(0.25);
        assertThat(report.variants().get("limited").components().values()).allMatch(c -> c.enforced(), "limits enforced");
        assertThat(report.variants().get("unlimited").components().values()).noneMatch(c -> c.enforced());
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"schemaVersion\" : 2");
    }
}
