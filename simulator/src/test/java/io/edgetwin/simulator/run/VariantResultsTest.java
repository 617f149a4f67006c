package io.edgetwin.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.FleetTwin;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.ComponentLimits;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.DeviceTwin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class VariantResultsTest {

    private static final long MIB = 1024 * 1024;
    private final Variant limited = new Variant("limited", Map.of("ml.Inference", new ComponentLimits(524_288L, 1.0),
            "log.Leaker", new ComponentLimits(65_536L, 0.25)), List.of());
    private final Scenario scenario = new Scenario(Path.of("quickstart.yaml"), "quickstart", 42,
            new DeviceSpec(768 * MIB, 768 * MIB, 1.0, 0), components(), List.of(limited),
            new Workload("ml.Inference", 50, Duration.ofSeconds(5), Duration.ofSeconds(30), "anomaly"));

    @Test
    void wholeLatencyHistogramIsKeptSoPercentilesCanBeReDerived() {
        VariantResult result = of(load(1_500, Duration.ofSeconds(30)), 0.1);

        assertEquals(1_500, result.latencyHistogram().histogram().getTotalCount());
        assertEquals(result.latencyMs().p99(), result.latencyHistogram().histogram().getValueAtPercentile(99) / 1e6, 0.01);
    }

    @Test
    void runWithEnoughAnswersOverTheMinimumDurationIsValid() {
        assertTrue(of(load(1_500, Duration.ofSeconds(30)), 0.1).validity().valid());
    }

    @Test
    void tooFewAnswersForP99OrABusyGeneratorMakeTheRunInvalid() {
        VariantResult few = of(load(500, Duration.ofSeconds(30)), 0.1);
        VariantResult busy = of(load(1_500, Duration.ofSeconds(30)), 0.95);

        assertEquals(List.of("500 answers; p99 needs at least 662"), few.validity().reasons());
        assertFalse(busy.validity().valid());
        assertTrue(busy.validity().reasons().get(0).startsWith("the load generator used 0.95 cores"));
    }

    @Test
    void componentFiguresComeFromItsCgroupAndTheTwinIsListedWithItsDeployment() {
        VariantResult result = of(load(1_500, Duration.ofSeconds(30)), 0.1);

        ComponentResult leaker = result.components().get("log.Leaker");
        assertEquals(3, leaker.oomKills());
        assertEquals(64 * MIB, leaker.memoryPeakBytes());
        assertEquals(0.25, leaker.throttleRatio());
        ComponentResult inference = result.components().get("ml.Inference");
        assertNull(inference.memoryPeakBytes(), "no cgroup of its own, no figures");
        assertEquals(List.of(new FleetTwin("quickstart-limited-1", "d-1", "SUCCESSFUL",
                Map.of("ml.Inference", "RUNNING", "log.Leaker", "RUNNING"), null, 0)), result.twins());
    }

    private VariantResult of(LoadResult load, double generatorCores) {
        return VariantResults.of(scenario, limited, status(), new DeviceTwin.ContainerOutcome(false, true, 0), 3_000,
                load, 500 * MIB, generatorCores);
    }

    private static LoadResult load(long answered, Duration measured) {
        Histogram latencies = new Histogram(60_000_000_000L, 3);
        for (long i = 0; i < answered; i++) {
            latencies.recordValue(5_000_000 + i * 10_000);
        }
        return new LoadResult(answered, answered, 0, 0, answered, latencies, measured);
    }

    private static TwinStatus status() {
        Map<String, TwinStatus.Component> components = new LinkedHashMap<>();
        components.put("ml.Inference", new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, null, null, null));
        components.put("log.Leaker", new TwinStatus.Component("1.0.0", "RUNNING", true, 3, true, null, null,
                new TwinStatus.Resources(10 * MIB, 64 * MIB, 1_000_000_000L, 400, 100, 5_000_000L, 12, 3)));
        return new TwinStatus("quickstart-limited-1", "edge-core", new TwinStatus.Device(768 * MIB, 768 * MIB, 1.0, -1),
                new TwinStatus.Memory(300 * MIB, 500 * MIB), 0, new TwinStatus.Deployment("d-1", "SUCCESSFUL", null),
                components);
    }

    private static Map<String, ScenarioComponent> components() {
        Map<String, ScenarioComponent> components = new LinkedHashMap<>();
        components.put("ml.Inference", new ScenarioComponent("ml.Inference", "1.0.0", Map.of()));
        components.put("log.Leaker", new ScenarioComponent("log.Leaker", "1.0.0", Map.of()));
        return components;
    }
}
