package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.scenario.ArtifactSettings;
import io.edgetwin.simulator.scenario.ValidityRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizingRequestTest {

    private static final String INFERENCE = "com.edgetwin.Inference";

    static Scenario scenario(double rate, Duration duration) {
        return new Scenario(Path.of("scenarios/size.yaml"), "name: size\n", "size", 42,
                new DeviceSpec(1280L << 20, 1280L << 20, 2.0, 0), null, 1,
                Map.of(INFERENCE, new ScenarioComponent(INFERENCE, "1.0.0", Map.of())),
                List.of(new Variant("a", Map.of(), List.of()), new Variant("b", Map.of(), List.of())),
                new Workload(INFERENCE, new Arrival.Constant(rate), Duration.ofSeconds(3), duration, "anomaly-mlp"),
                List.of(), ValidityRules.DEFAULT, Scenario.Execution.SEQUENTIAL, ArtifactSettings.NONE);
    }

    private static SizingRequest request(String component, List<String> slos, String memory, String cpus) {
        return SizingRequest.of(scenario(50, Duration.ofSeconds(16)), component, slos, memory, cpus);
    }

    @Test
    void aValidRequestKeepsItsSlosAndAddsTheErrorRate() {
        SizingRequest request = request(INFERENCE, List.of("latency.p99 < 50ms"), "64m..1g", "0.1..2");
        assertThat(request.slos()).extracting(Threshold::expr).containsExactly("latency.p99 < 50ms", "errors.rate < 1%");
        assertThat(request.memory()).isEqualTo(new MemoryRange(65536, 1048576));
        assertThat(request.cpus()).isEqualTo(new CpuRange(0.1, 2));
        assertThat(request(INFERENCE, List.of("errors.rate < 5%"), "64m..1g", "0.1..2").slos()).hasSize(1);
    }

    @Test
    void withSeveralWorkloadsAnSloMayNameTheSizedModelsWorkloadAndOnlyAKnownOne() {
        Scenario one = scenario(50, Duration.ofSeconds(16));
        Workload defect = new Workload("com.edgetwin.DefectInspection", new Arrival.Constant(20), Duration.ofSeconds(3),
                Duration.ofSeconds(16), "defect-cnn", "defect", "defect-inspection");
        Scenario two = new Scenario(one.file(), one.text(), one.name(), one.seed(), one.device(), one.profile(), one.twins(),
                one.components(), one.variants(), one.workload(), one.faults(), one.validity(), one.execution(),
                one.artifacts(), List.of(one.workload(), defect));

        SizingRequest request = SizingRequest.of(two, INFERENCE, List.of("defect.latency.p99 < 80ms"), "64m..1g", "0.1..2");

        assertThat(request.slos()).extracting(Threshold::expr).contains("defect.latency.p99 < 80ms");
        assertThatThrownBy(() -> SizingRequest.of(two, INFERENCE, List.of("camera.latency.p99 < 80ms"), "64m..1g", "0.1..2"))
                .hasMessage("--slo 'camera.latency.p99 < 80ms' names workload 'camera'; expected one of [anomaly, defect]");
        assertThatThrownBy(() -> request(INFERENCE, List.of("anomaly.latency.p99 < 80ms"), "64m..1g", "0.1..2"))
                .hasMessageContaining("expected 'latency.p99' (the scenario has one workload)");
    }

    @Test
    void aComponentNotInTheScenarioIsRefusedWithTheOnesThatAre() {
        assertThatThrownBy(() -> request("ml.Nope", List.of("latency.p99 < 50ms"), "64m..1g", "0.1..2"))
                .isInstanceOf(SizingException.class)
                .hasMessage("--component 'ml.Nope' is not in scenario 'size' (scenarios/size.yaml); expected one of [" + INFERENCE + "]");
    }

    @Test
    void anSloOnAnUnknownMetricIsRefused() {
        assertThatThrownBy(() -> request(INFERENCE, List.of("latency.p98 < 50ms"), "64m..1g", "0.1..2"))
                .hasMessageStartingWith("--slo: threshold 'latency.p98 < 50ms': unknown metric 'latency.p98'");
        assertThatThrownBy(() -> request(INFERENCE, List.of("oomKills.component[ml.Other] == 0"), "64m..1g", "0.1..2"))
                .hasMessageContaining("names component 'ml.Other', which is not in the scenario");
    }

    @Test
    void emptyInvertedOrUnreadableRangesAreRefused() {
        List<String> slo = List.of("latency.p99 < 50ms");
        assertThatThrownBy(() -> request(INFERENCE, slo, "1g..64m", "0.1..2"))
                .hasMessage("--memory 1g..64m is empty or inverted; expected LOW..HIGH with LOW below HIGH, e.g. 64m..1g");
        assertThatThrownBy(() -> request(INFERENCE, slo, "256m..256m", "0.1..2")).hasMessageContaining("is empty or inverted");
        assertThatThrownBy(() -> request(INFERENCE, slo, "64m..1g", "2..0.1")).hasMessageStartingWith("--cpus 2..0.1 is empty or inverted");
        assertThatThrownBy(() -> request(INFERENCE, slo, "64..1g", "0.1..2")).hasMessageContaining("'64' is not a size");
        assertThatThrownBy(() -> request(INFERENCE, slo, "64m", "0.1..2")).hasMessageContaining("is not a range; expected LOW..HIGH");
    }

    @Test
    void aRangeAboveTheDeviceIsRefused() {
        assertThatThrownBy(() -> request(INFERENCE, List.of("latency.p99 < 50ms"), "64m..2g", "0.1..2"))
                .hasMessageContaining("goes above the twin's device.memory 1280m");
        assertThatThrownBy(() -> request(INFERENCE, List.of("latency.p99 < 50ms"), "64m..1g", "0.1..4"))
                .hasMessageContaining("goes above the twin's device.cpus 2");
    }

    @Test
    void aWorkloadTooShortForAP99IsRefused() {
        assertThatThrownBy(() -> SizingRequest.of(scenario(10, Duration.ofSeconds(3)), INFERENCE, List.of("latency.p99 < 50ms"),
                "64m..1g", "0.1..2")).hasMessageContaining("measures 30 requests per trial; a p99 needs at least 662");
    }
}
