package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, as a user runs it: the quickstart scenario on real capped twins. */
class QuickstartScenarioIT {

    private static final String EFFECT = "latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence";
    private static final String MECHANISM = "throttle.ratio.component[com.edgetwin.CpuHog] > 50%";
    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path out;

    @Test
    void quickstartRunsBothVariantsOnCappedTwinsAndLeavesNothingBehind() throws Exception {
        int exit = Main.execute("run", HOME.resolve("scenarios/quickstart.yaml").toString(), "--out", out.toString());

        assertThat(out.resolve("report.md")).exists();
        Report report = ReportJson.read(out.resolve("report.json"));
        ThresholdResult effect = threshold(report, EFFECT);
        assertThat(threshold(report, MECHANISM).passed()).as("the neighbour was held to its quarter core").isTrue();
        assertThat(effect.comparison().value()).as("the effect is checked against unlimited's own p99")
                .isEqualTo(report.variants().get("unlimited").latencyMs().p99());
        // The effect is a latency ratio: a busy host can flip it (docs/performance.md), so the exit code
        // is checked to follow the thresholds rather than asserted to be a pass.
        assertEquals(effect.passed() ? Main.PASSED : Main.THRESHOLD_FAILED, exit);
        assertThat(Files.readString(out.resolve("report.md"))).contains("**limited vs unlimited: p99 ");
        assertThat(report.variants().keySet()).containsExactly("limited", "unlimited");
        for (VariantResult variant : report.variants().values()) {
            assertThat(variant.requests().ok()).isPositive();
            assertEquals(variant.requested(), variant.device(), "applied caps, read back inside the twin, equal the scenario's");
            assertEquals(768L * 1024 * 1024, variant.device().memoryBytes());
            assertThat(variant.twinStartMs()).isPositive();
            assertThat(variant.latencyMs().p99()).isPositive();
            assertThat(variant.devicePeakMemoryBytes()).isPositive();
            assertThat(variant.components()).containsKeys("com.edgetwin.Inference", "com.edgetwin.CpuHog");
            assertThat(variant.series()).filteredOn(s -> s.isDevice()).singleElement()
                    .satisfies(device -> assertThat(device.samples().size()).as("device samples from the host's cgroup")
                            .isGreaterThan(20));
            assertThat(variant.missingSeries()).as("series the host could not sample").noneMatch(m -> m.component().equals("device"));
        }
        assertThat(report.variants().get("limited").components().get("com.edgetwin.CpuHog").limits().cpus()).isEqualTo(0.25);
        assertThat(report.variants().get("limited").components().values()).allMatch(c -> c.enforced(), "limits enforced");
        assertThat(report.variants().get("unlimited").components().values()).noneMatch(c -> c.enforced());
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"schemaVersion\" : 2");
    }

    @Test
    void quickstartFailsItsGateWhenPerComponentLimitsAreSwitchedOffInTheLimitedVariant() throws Exception {
        String shipped = Files.readString(HOME.resolve("scenarios/quickstart.yaml"));
        String limitsOff = shipped.replaceAll("(?s)\n  limited:\n    components:.*?\n  unlimited:", "\n  limited: {}\n  unlimited:");
        assertThat(limitsOff).as("the limited variant lost its limits").doesNotContain("systemResourceLimits");
        Path scenario = Files.writeString(out.resolve("quickstart-limits-off.yaml"), limitsOff);

        int exit = Main.execute("run", scenario.toString(), "--out", out.resolve("run").toString());

        assertEquals(Main.THRESHOLD_FAILED, exit, "the gate fails when limits do nothing");
        Report report = ReportJson.read(out.resolve("run/report.json"));
        assertThat(report.variants().get("limited").components().values()).noneMatch(c -> c.enforced());
        ThresholdResult mechanism = threshold(report, MECHANISM);
        assertThat(mechanism.passed()).isFalse();
        assertThat(mechanism.actual() == null || mechanism.actual() == 0.0)
                .as("nothing throttled the neighbour: %s", mechanism.actual()).isTrue();
        ThresholdResult effect = threshold(report, EFFECT);
        assertThat(effect.actual()).isEqualTo(report.variants().get("limited").latencyMs().p99());
        assertThat(effect.comparison().against()).isEqualTo("unlimited");
        assertThat(effect.comparison().limit()).isEqualTo(0.5 * report.variants().get("unlimited").latencyMs().p99());
        assertThat(Leftovers.containers()).isEmpty();
    }

    private static ThresholdResult threshold(Report report, String expr) {
        return report.variants().get("limited").thresholds().stream().filter(t -> t.expr().equals(expr)).findFirst()
                .orElseThrow(() -> new AssertionError("no threshold '" + expr + "' in " + report.variants().get("limited").thresholds()));
    }
}
