package io.edgetwin.scenarios.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.ComponentResult;
import io.edgetwin.simulator.junit.EdgeScenario;
import io.edgetwin.simulator.junit.ScenarioResult;

// docs/junit.md shows this class; JunitDocTest keeps the two the same.
class QuickstartKitIT {

    // The thresholds' latency SLO is the report's business; this test checks what the limits do, which a
    // busy shared host cannot undo (latency numbers belong in benchmarks, docs/performance.md).
    @EdgeScenario(value = "scenarios/quickstart.yaml", failOnThresholds = false)
    void limitsHoldTheCpuHogToItsShareBesideInference(ScenarioResult result) {
        ComponentResult limitedHog = result.report().variants().get("limited").components().get("com.edgetwin.CpuHog");
        ComponentResult unlimitedHog = result.report().variants().get("unlimited").components().get("com.edgetwin.CpuHog");

        assertThat(limitedHog.enforced()).isTrue();
        assertThat(limitedHog.throttleRatio()).as("the hog ran into its 0.25 cpus").isPositive();
        assertThat(unlimitedHog.enforced()).isFalse();
        assertThat(result.directory().resolve("report.json")).exists();
    }
}
