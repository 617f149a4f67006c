package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.WorkloadResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two models on one twin: the shipped multi-model scenario, shortened, with a workload per model. */
class MultiModelScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path out;

    @Test
    void twoInferenceComponentsAnswerTheirOwnWorkloadsAndEachIsReportedAndGatedApart() throws Exception {
        String shipped = Files.readString(HOME.resolve("scenarios/multi-model.yaml"));
        Path scenario = Files.writeString(out.resolve("multi-model-short.yaml"),
                shipped.replace("duration: 30s", "duration: 12s").replace("warmup: 5s", "warmup: 2s"));

        int exit = Main.execute("run", scenario.toString(), "--out", out.resolve("run").toString());

        Report report = ReportJson.read(out.resolve("run/report.json"));
        assertThat(exit).isEqualTo(switch (report.verdict()) {
            case PASS -> Main.PASSED;
            case FAIL -> Main.THRESHOLD_FAILED;
            case INVALID -> Main.RUN_INVALID;
            case ABORTED -> Main.ABORTED;
        });
        assertThat(report.verdict()).isNotEqualTo(Outcome.ABORTED);
        for (Map.Entry<String, VariantResult> e : report.variants().entrySet()) {
            VariantResult variant = e.getValue();
            assertThat(variant.workloads().keySet()).as(e.getKey()).containsExactly("anomaly", "defect");
            WorkloadResult anomaly = variant.workloads().get("anomaly");
            WorkloadResult defect = variant.workloads().get("defect");
            assertThat(anomaly.target()).isEqualTo("com.edgetwin.Inference");
            assertThat(defect.target()).isEqualTo("com.edgetwin.DefectInspection");
            assertThat(anomaly.requests().ok()).as("the anomaly model answered its own stream").isPositive();
            assertThat(defect.requests().ok()).as("the defect model answered its own stream").isPositive();
            assertThat(anomaly.correct()).as("answers came from the anomaly model").isGreaterThan(anomaly.requests().ok() / 2);
            assertThat(defect.correct()).as("answers came from the defect model").isGreaterThan(defect.requests().ok() / 2);
            assertThat(anomaly.requests().ok() + defect.requests().ok()).isEqualTo(variant.requests().ok());
            assertThat(variant.components()).containsKeys("com.edgetwin.Inference", "com.edgetwin.DefectInspection");
            defect.validity().reasons().forEach(reason -> assertThat(variant.validity().reasons())
                    .contains("workload 'defect': " + reason));
        }
        ThresholdResult errors = threshold(report.variants().get("limited"), "defect.errors.rate < 1%");
        WorkloadResult limitedDefect = report.variants().get("limited").workloads().get("defect");
        assertThat(errors.actual()).as("checked on the defect workload's own requests")
                .isEqualTo((double) limitedDefect.requests().failed() / limitedDefect.requests().sent());
        ThresholdResult anomalyP99 = threshold(report.variants().get("limited"), "anomaly.latency.p99 < 100ms");
        assertThat(anomalyP99.actual()).isEqualTo(report.variants().get("limited").workloads().get("anomaly").latencyMs().p99());
        assertThat(Files.readString(out.resolve("run/report.md"))).contains("## Workloads");
        assertThat(Files.readString(out.resolve("run/report.html"))).contains("anomaly — unlimited: latency per window");
        assertThat(Files.readString(out.resolve("run/junit.xml"))).contains("name=\"validity: defect\"");
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    private static ThresholdResult threshold(VariantResult variant, String expr) {
        return variant.thresholds().stream().filter(t -> t.expr().equals(expr)).findFirst().orElseThrow();
    }
}
