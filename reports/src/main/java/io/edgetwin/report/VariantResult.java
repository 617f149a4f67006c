package io.edgetwin.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one variant of a scenario (e.g. {@code limited}, {@code unlimited}) measured, and whether
 * its thresholds held. Build it with {@link #measured} first, evaluate the thresholds against it,
 * then attach their results with {@link #withThresholds}.
 *
 * @param device                as applied, read back inside the twin
 * @param requested             as the scenario asked
 * @param twinStartMs           from container create to model ready
 * @param throughputPerSec      successful answers per second over the load phase
 * @param devicePeakMemoryBytes the twin's peak memory usage
 * @param components            per component, in report order
 * @param passed                true exactly when every threshold passed (true with no thresholds)
 */
public record VariantResult(DeviceCaps device, DeviceCaps requested, long twinStartMs,
                            RequestCounts requests, LatencySummary latencyMs, double throughputPerSec,
                            long devicePeakMemoryBytes, OomKills oomKills,
                            Map<String, ComponentResult> components, List<ThresholdResult> thresholds,
                            boolean passed) {

    public VariantResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(requested, "requested");
        Checks.nonNegative("twinStartMs", twinStartMs);
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Checks.nonNegative("throughputPerSec", throughputPerSec);
        Checks.nonNegative("devicePeakMemoryBytes", devicePeakMemoryBytes);
        Objects.requireNonNull(oomKills, "oomKills");
        components = Checks.orderedCopy("components", components);
        thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        requireKnownComponents(oomKills, components);
        boolean allPassed = thresholds.stream().allMatch(ThresholdResult::passed);
        if (passed != allPassed) {
            throw new IllegalArgumentException("passed is " + passed + "; expected " + allPassed
                    + " (true exactly when every threshold passed)");
        }
    }

    /** A measured variant with no thresholds checked yet. */
    public static VariantResult measured(DeviceCaps device, DeviceCaps requested, long twinStartMs,
                                         RequestCounts requests, LatencySummary latencyMs,
                                         double throughputPerSec, long devicePeakMemoryBytes,
                                         OomKills oomKills, Map<String, ComponentResult> components) {
        return new VariantResult(device, requested, twinStartMs, requests, latencyMs, throughputPerSec,
                devicePeakMemoryBytes, oomKills, components, List.of(), true);
    }

    /** This result with {@code results} as its thresholds; passed follows from them. */
    public VariantResult withThresholds(List<ThresholdResult> results) {
        return new VariantResult(device, requested, twinStartMs, requests, latencyMs, throughputPerSec,
                devicePeakMemoryBytes, oomKills, components, results,
                results.stream().allMatch(ThresholdResult::passed));
    }

    private static void requireKnownComponents(OomKills oomKills, Map<String, ComponentResult> components) {
        for (String name : oomKills.components().keySet()) {
            if (!components.containsKey(name)) {
                throw new IllegalArgumentException("oomKills.components names '" + name
                        + "'; expected one of the components " + components.keySet());
            }
        }
    }
}
