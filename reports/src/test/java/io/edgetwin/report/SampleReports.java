package io.edgetwin.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Hand-built reports for tests: a limited and an unlimited variant of one scenario. */
public final class SampleReports {

    public static final Instant STARTED = Instant.parse("2026-11-26T13:00:00Z");
    public static final Instant FINISHED = Instant.parse("2026-11-26T13:02:05Z");
    public static final String SCENARIO_TEXT = "name: quickstart\nseed: 42\nvariants: [unlimited, limited]\n";
    private static final long MIB = 1024 * 1024;

    private SampleReports() {
    }

    public static RunSetup setup(String scenario) {
        return new RunSetup(scenario, 42, Execution.SEQUENTIAL, SCENARIO_TEXT, null);
    }

    /** Limited passes its thresholds; unlimited fails its p99 bound. */
    public static Report quickstart() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("unlimited", unlimited().withThresholds(List.of(
                new ThresholdResult("latency.p99 < 50ms", 61.25, BaseUnit.MILLISECONDS, false),
                new ThresholdResult("errors.rate < 1%", 0.002, BaseUnit.FRACTION, true))));
        variants.put("limited", limited().withThresholds(List.of(
                new ThresholdResult("latency.p99 < 50ms", 38.5, BaseUnit.MILLISECONDS, true))));
        return Report.of(setup("quickstart"), STARTED, FINISHED, variants);
    }

    /** A report of the given variants, verdict derived. */
    public static Report of(String scenario, Map<String, VariantResult> variants) {
        return Report.of(setup(scenario), STARTED, FINISHED, variants);
    }

    /** A measured variant whose components are capped and whose device got 1.5 of 2 asked cores. */
    public static VariantResult limited() {
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        components.put("ml.Inference", new ComponentResult(new ComponentLimits(524_288L, 1.0), true, "RUNNING", 0,
                0, 300 * MIB, 0.05, 1.5, List.of()));
        components.put("log.Shipper", new ComponentResult(new ComponentLimits(65_536L, 0.25), true, "RUNNING", 2,
                2, 64 * MIB, 0.4, 80.0, List.of(new StateChange(30_000, "ERRORED", "exit 137"),
                new StateChange(31_000, "RUNNING", ""))));
        return VariantResult.measured(
                new DeviceCaps(1024 * MIB, 2048 * MIB, 1.5, 256L),
                new DeviceCaps(1024 * MIB, 2048 * MIB, 2.0, 256L),
                4_210,
                Validity.ok(),
                new RequestCounts(1_000, 990, 10, 3),
                new LatencySummary(12.5, 25.0, 38.5, 44.0, 14.2),
                histogram(12.5, 38.5),
                16.5,
                700 * MIB,
                new OomKills(0, Map.of("log.Shipper", 2L)),
                components);
    }

    /** A measured variant whose component limits are recorded but not applied. */
    public static VariantResult unlimited() {
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        components.put("ml.Inference", ComponentResult.unobserved(new ComponentLimits(524_288L, 1.0), false, "RUNNING", 0));
        components.put("log.Shipper", ComponentResult.unobserved(ComponentLimits.unlimited(), false, "BROKEN", 3));
        return VariantResult.measured(
                DeviceCaps.of(1024 * MIB, 2.0),
                DeviceCaps.of(1024 * MIB, 2.0),
                3_980,
                Validity.ok(),
                new RequestCounts(1_000, 998, 2, 0),
                new LatencySummary(10.0, 30.0, 61.25, 90.0, 15.0),
                histogram(10.0, 61.25),
                16.6,
                1_010 * MIB,
                new OomKills(1, Map.of()),
                components);
    }

    /** A histogram of 1000 latencies: 500 at {@code p50Ms}, 490 between, 10 at {@code p99Ms}. */
    public static EncodedHistogram histogram(double p50Ms, double p99Ms) {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        histogram.recordValueWithCount((long) (p50Ms * 1e6), 500);
        histogram.recordValueWithCount((long) ((p50Ms + p99Ms) / 2 * 1e6), 490);
        histogram.recordValueWithCount((long) (p99Ms * 1e6), 10);
        return EncodedHistogram.of(histogram);
    }
}
