package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Validity;
import io.edgetwin.report.WorkloadResult;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.LatencyWindow;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.scenario.ArtifactSettings;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.ValidityRules;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WorkloadResultsTest {

    private static final Workload ANOMALY = new Workload("com.edgetwin.Inference", new Arrival.Constant(50), Duration.ofSeconds(2),
            Duration.ofSeconds(30), "anomaly-mlp");
    private static final Workload DEFECT = new Workload("com.edgetwin.DefectInspection", new Arrival.Constant(10),
            Duration.ofSeconds(2), Duration.ofSeconds(30), "defect-cnn", "defect", "defect-inspection");

    @Test
    void eachWorkloadIsJudgedOnItsOwnAnswersForThePercentilesItsThresholdsName() {
        Map<String, LoadResult> loads = new LinkedHashMap<>();
        loads.put("anomaly", load(1500, 1450));
        loads.put("defect", load(300, 297));
        List<Threshold> reading = Threshold.parseAll(List.of("defect.latency.p99 < 80ms", "anomaly.errors.rate < 1%"));

        Map<String, WorkloadResult> results = WorkloadResults.of(scenario(List.of(ANOMALY, DEFECT)), loads, reading);

        assertThat(results.keySet()).containsExactly("anomaly", "defect");
        assertEquals("com.edgetwin.DefectInspection", results.get("defect").target());
        assertEquals(297, results.get("defect").correct());
        assertThat(results.get("anomaly").validity().valid()).as("no threshold asks the anomaly workload for a p99").isTrue();
        assertThat(results.get("defect").validity().reasons()).containsExactly(
                "300 answers are too few to report p99 at 99% confidence; need 662 (raise the rate or the duration)");
        assertThat(WorkloadResults.withReasons(Validity.ok(), results).reasons()).containsExactly("workload 'defect': 300 answers"
                + " are too few to report p99 at 99% confidence; need 662 (raise the rate or the duration)");
    }

    @Test
    void aScenarioOfOneWorkloadHasNoneOfItsOwn() {
        assertThat(WorkloadResults.of(scenario(List.of(ANOMALY)), Map.of("anomaly", load(1500, 1500)), List.of())).isEmpty();
    }

    private static LoadResult load(int answers, long correct) {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(5_000_000, answers);
        return new LoadResult(answers, answers, 0, answers, 0, 0, 0, correct, latency, new Histogram(3),
                List.of(new LatencyWindow(0, answers, 0, latency)), Duration.ofSeconds(30), 0, 0);
    }

    private static Scenario scenario(List<Workload> workloads) {
        return new Scenario(Path.of("s.yaml"), "name: s\n", "s", 42, new DeviceSpec(2L << 30, 2L << 30, 1.4, 0), null, 1,
                Map.of("com.edgetwin.Inference", new ScenarioComponent("com.edgetwin.Inference", "1.0.0", Map.of())),
                List.of(new Variant("a", Map.of(), List.of()), new Variant("b", Map.of(), List.of())), workloads.get(0),
                List.of(), ValidityRules.DEFAULT, Scenario.Execution.SEQUENTIAL, ArtifactSettings.NONE, workloads);
    }
}
