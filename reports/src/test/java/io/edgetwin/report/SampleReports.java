package io.edgetwin.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built reports for tests: a limited and an unlimited variant of one scenario. */
public final class SampleReports {

    public static final Instant STARTED = Instant.parse("2026-11-26T13:00:00Z");
    public static final Instant FINISHED = Instant.parse("2026-11-26T13:02:05Z");
    private static final long MIB = 1024 * 1024;

    private SampleReports() {
    }

    /** Limited passes its thresholds; unlimited fails its p99 bound. */
    public static Report quickstart() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("unlimited", unlimited().withThresholds(List.of(
                new ThresholdResult("latency.p99 < 50ms", 61.25, BaseUnit.MILLISECONDS, false),
                new ThresholdResult("errors.rate < 1%", 0.002, BaseUnit.FRACTION, true))));
        variants.put("limited", limited().withThresholds(List.of(
                new ThresholdResult("latency.p99 < 50ms", 38.5, BaseUnit.MILLISECONDS, true))));
        return Report.of("quickstart", STARTED, FINISHED, variants);
    }

    /** A measured variant whose components are capped and whose device got 1.5 of 2 asked cores. */
    public static VariantResult limited() {
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        components.put("ml.Inference", new ComponentResult(new ComponentLimits(524_288L, 1.0), true, "RUNNING", 0));
        components.put("log.Shipper", new ComponentResult(new ComponentLimits(65_536L, 0.25), true, "RUNNING", 2));
        return VariantResult.measured(
                new DeviceCaps(1024 * MIB, 2048 * MIB, 1.5, 256L),
                new DeviceCaps(1024 * MIB, 2048 * MIB, 2.0, 256L),
                4_210,
                new RequestCounts(1_000, 990, 10, 3),
                new LatencySummary(12.5, 25.0, 38.5, 44.0, 14.2),
                16.5,
                700 * MIB,
                new OomKills(0, Map.of("log.Shipper", 2L)),
                components);
    }

    /** A measured variant whose component limits are recorded but not applied. */
    public static VariantResult unlimited() {
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        components.put("ml.Inference", new ComponentResult(new ComponentLimits(524_288L, 1.0), false, "RUNNING", 0));
        components.put("log.Shipper", new ComponentResult(ComponentLimits.unlimited(), false, "BROKEN", 3));
        return VariantResult.measured(
                DeviceCaps.of(1024 * MIB, 2.0),
                DeviceCaps.of(1024 * MIB, 2.0),
                3_980,
                new RequestCounts(1_000, 998, 2, 0),
                new LatencySummary(10.0, 30.0, 61.25, 90.0, 15.0),
                16.6,
                1_010 * MIB,
                new OomKills(1, Map.of()),
                components);
    }
}
