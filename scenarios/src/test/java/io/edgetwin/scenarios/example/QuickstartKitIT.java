package io.edgetwin.scenarios.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.junit.EdgeScenario;
import io.edgetwin.simulator.junit.ScenarioResult;

// docs/junit.md shows this class; JunitDocTest keeps the two the same.
class QuickstartKitIT {

    @EdgeScenario("scenarios/quickstart.yaml")
    void limitedInferenceStaysFastBesideACpuHog(ScenarioResult result) {
        VariantResult limited = result.report().variants().get("limited");
        VariantResult unlimited = result.report().variants().get("unlimited");

        assertThat(limited.latencyMs().p99()).isLessThan(unlimited.latencyMs().p99());
        assertThat(result.directory().resolve("report.json")).exists();
    }
}
