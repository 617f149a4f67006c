package io.edgetwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one variant of a scenario (e.g. {@code limited}, {@code unlimited}) measured, and whether
 * its thresholds held. Build it with {@link #measured}, add the time line with
 * {@link #withTimeline}, evaluate the thresholds against it, then attach their results with
 * {@link #withThresholds}.
 *
 * @param device                as applied, read back inside the twin
 * @param requested             as the scenario asked
 * @param twinStartMs           from container create to model ready
 * @param validity              whether the measurements can be trusted ({@link Validity})
 * @param latencyHistogram      every measured latency (ns), so percentiles can be re-derived
 * @param throughputPerSec      successful answers per second over the load phase
 * @param devicePeakMemoryBytes the twin's peak memory usage
 * @param components            per component, in report order
 * @param windows               per time window since load start, in time order
 * @param twins                 the fleet's status at the end, one entry per twin
 * @param series                resource use over time per twin and component (and {@code device})
 * @param events                what happened during the run, in time order
 * @param passed                true exactly when every threshold passed (true with no thresholds)
 * @param missingSeries         the resource series (or columns) that could not be sampled, in whole or in
 *                              part, each with why; empty when every series was sampled throughout
 * @param interference          what the rest of the host used while this variant was measured; {@code null}
 *                              when it was not measured
 * @param recovery              per fault that cut twins off, how the harness and each twin came back
 * @param correct               of {@code requests.ok}, the answers whose label was the sample's expected one;
 *                              {@code null} when not counted (reports written before it was)
 * @param partial               why this variant's measurements stop early (the run was interrupted while it was
 *                              measured), {@code null} for a variant measured to its end. A partial variant is
 *                              never valid, so no gate passes on it
 * @param workloads             per workload by name, in scenario order, when the scenario ran several at once
 *                              (one model each); empty for a single workload, whose figures are the variant's
 * @param placement             where the inference ran and what it cost ({@link PlacementResult}); {@code null}
 *                              when the run did not measure it
 * @param security              what the variant's attacks on device identity and topics achieved
 *                              ({@link SecurityResult}); {@code null} when it had no attack faults
 */
public record VariantResult(DeviceCaps device, DeviceCaps requested, long twinStartMs, Validity validity,
                            RequestCounts requests, LatencySummary latencyMs, EncodedHistogram latencyHistogram,
                            double throughputPerSec, long devicePeakMemoryBytes, OomKills oomKills,
                            Map<String, ComponentResult> components, List<Window> windows, List<FleetTwin> twins,
                            List<ResourceSeries> series, List<Event> events, List<ThresholdResult> thresholds,
                            boolean passed, List<MissingSeries> missingSeries, Interference interference,
                            List<Recovery> recovery, Long correct, String partial,
                            Map<String, WorkloadResult> workloads, PlacementResult placement, SecurityResult security) {

    public VariantResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(requested, "requested");
        Checks.nonNegative("twinStartMs", twinStartMs);
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(latencyHistogram, "latencyHistogram");
        Checks.nonNegative("throughputPerSec", throughputPerSec);
        Checks.nonNegative("devicePeakMemoryBytes", devicePeakMemoryBytes);
        Objects.requireNonNull(oomKills, "oomKills");
        components = Checks.orderedCopy("components", components);
        windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
        twins = List.copyOf(Objects.requireNonNull(twins, "twins"));
        series = List.copyOf(Objects.requireNonNull(series, "series"));
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        missingSeries = List.copyOf(Objects.requireNonNull(missingSeries, "missingSeries"));
        recovery = List.copyOf(Objects.requireNonNull(recovery, "recovery"));
        requireKnownComponents(oomKills, components);
        requireTimeOrder(windows);
        requireCorrectAmongOk(correct, requests);
        workloads = Checks.orderedCopy("workloads", workloads == null ? Map.of() : workloads);
        requirePartialInvalid(partial, validity);
        boolean allPassed = thresholds.stream().allMatch(ThresholdResult::passed);
        if (passed != allPassed) {
            throw new IllegalArgumentException("passed is " + passed + "; expected " + allPassed
                    + " (true exactly when every threshold passed)");
        }
    }

    /** A result without attack figures (as results were before attacks were reported). */
    public VariantResult(DeviceCaps device, DeviceCaps requested, long twinStartMs, Validity validity,
                         RequestCounts requests, LatencySummary latencyMs, EncodedHistogram latencyHistogram,
                         double throughputPerSec, long devicePeakMemoryBytes, OomKills oomKills,
                         Map<String, ComponentResult> components, List<Window> windows, List<FleetTwin> twins,
                         List<ResourceSeries> series, List<Event> events, List<ThresholdResult> thresholds,
                         boolean passed, List<MissingSeries> missingSeries, Interference interference,
                         List<Recovery> recovery, Long correct, String partial,
                         Map<String, WorkloadResult> workloads, PlacementResult placement) {
        this(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram, throughputPerSec,
                devicePeakMemoryBytes, oomKills, components, windows, twins, series, events, thresholds, passed,
                missingSeries, interference, recovery, correct, partial, workloads, placement, null);
    }

    /** A result measured to its end without a count of correct answers. */
    public VariantResult(DeviceCaps device, DeviceCaps requested, long twinStartMs, Validity validity,
                         RequestCounts requests, LatencySummary latencyMs, EncodedHistogram latencyHistogram,
                         double throughputPerSec, long devicePeakMemoryBytes, OomKills oomKills,
                         Map<String, ComponentResult> components, List<Window> windows, List<FleetTwin> twins,
                         List<ResourceSeries> series, List<Event> events, List<ThresholdResult> thresholds,
                         boolean passed, List<MissingSeries> missingSeries, Interference interference,
                         List<Recovery> recovery) {
        this(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram, throughputPerSec,
                devicePeakMemoryBytes, oomKills, components, windows, twins, series, events, thresholds, passed,
                missingSeries, interference, recovery, null, null, Map.of(), null, null);
    }

    /** A result with every series sampled, no measurement of the host's interference and no recovery figures. */
    public VariantResult(DeviceCaps device, DeviceCaps requested, long twinStartMs, Validity validity,
                         RequestCounts requests, LatencySummary latencyMs, EncodedHistogram latencyHistogram,
                         double throughputPerSec, long devicePeakMemoryBytes, OomKills oomKills,
                         Map<String, ComponentResult> components, List<Window> windows, List<FleetTwin> twins,
                         List<ResourceSeries> series, List<Event> events, List<ThresholdResult> thresholds,
                         boolean passed) {
        this(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram, throughputPerSec,
                devicePeakMemoryBytes, oomKills, components, windows, twins, series, events, thresholds, passed, List.of(),
                null, List.of(), null, null, Map.of(), null, null);
    }

    /** A measured variant with no time line and no thresholds checked yet. */
    public static VariantResult measured(DeviceCaps device, DeviceCaps requested, long twinStartMs, Validity validity,
                                         RequestCounts requests, LatencySummary latencyMs,
                                         EncodedHistogram latencyHistogram, double throughputPerSec,
                                         long devicePeakMemoryBytes, OomKills oomKills,
                                         Map<String, ComponentResult> components) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, List.of(), List.of(), List.of(),
                List.of(), List.of(), true, List.of(), null, List.of(), null, null, Map.of(), null, null);
    }

    /** This result with its time line: windows, fleet status, resource series and events. */
    public VariantResult withTimeline(List<Window> windowList, List<FleetTwin> twinList,
                                      List<ResourceSeries> seriesList, List<Event> eventList) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windowList, twinList, seriesList,
                eventList, thresholds, passed, missingSeries, interference, recovery, correct, partial, workloads, placement,
                security);
    }

    /** This result with {@code recoveries} as its recovery figures. */
    public VariantResult withRecovery(List<Recovery> recoveries) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recoveries, correct, partial, workloads, placement, security);
    }

    /** This result with {@code results} as its thresholds; passed follows from them. */
    public VariantResult withThresholds(List<ThresholdResult> results) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                results, results.stream().allMatch(ThresholdResult::passed), missingSeries, interference, recovery, correct,
                partial, workloads, placement, security);
    }

    /** This result naming the series that could not be sampled. */
    public VariantResult withMissingSeries(List<MissingSeries> missing) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missing, interference, recovery, correct, partial, workloads, placement, security);
    }

    /** This result with {@code measuredInterference} as what the rest of the host used meanwhile. */
    public VariantResult withInterference(Interference measuredInterference) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, measuredInterference, recovery, correct, partial, workloads, placement,
                security);
    }

    /** This result with {@code latency} and {@code throughput} in place of its own, e.g. the medians over repeats. */
    public VariantResult withLatency(LatencySummary latency, double throughput) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latency, latencyHistogram,
                throughput, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, correct, partial, workloads, placement, security);
    }

    /** This result with {@code measuredPlacement} as where its inference ran and what that cost. */
    public VariantResult withPlacement(PlacementResult measuredPlacement) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, correct, partial, workloads, measuredPlacement,
                security);
    }

    /** This result with {@code attacks} as what its attack faults achieved. */
    public VariantResult withSecurity(SecurityResult attacks) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, correct, partial, workloads, placement, attacks);
    }

    /** This result with {@code replaced} as its validity. */
    public VariantResult withValidity(Validity replaced) {
        return new VariantResult(device, requested, twinStartMs, replaced, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, correct, partial, workloads, placement, security);
    }

    /** This result with {@code count} of its successful answers correct. */
    public VariantResult withCorrect(long count) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, count, partial, workloads, placement, security);
    }

    /**
     * This result marked as measured only until {@code reason} (e.g. an interrupt), and invalid for it, so
     * no gate passes on a variant that did not run its course.
     */
    public VariantResult withPartial(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("partial reason is '" + reason + "'; expected why the variant stopped early");
        }
        List<String> reasons = new ArrayList<>(validity.reasons());
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        Validity stopped = Validity.invalid(reasons.toArray(String[]::new));
        return new VariantResult(device, requested, twinStartMs, stopped, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, correct, reason, workloads, placement, security);
    }

    /** This result with {@code perWorkload} as its workloads' own figures. */
    public VariantResult withWorkloads(Map<String, WorkloadResult> perWorkload) {
        return new VariantResult(device, requested, twinStartMs, validity, requests, latencyMs, latencyHistogram,
                throughputPerSec, devicePeakMemoryBytes, oomKills, components, windows, twins, series, events,
                thresholds, passed, missingSeries, interference, recovery, correct, partial, perWorkload, placement, security);
    }

    /**
     * The share of successful answers that were correct, 0 to 1; {@code NaN} when nothing was answered or
     * correct answers were not counted.
     */
    public double accuracy() {
        return correct == null || requests.ok() == 0 ? Double.NaN : (double) correct / requests.ok();
    }

    private static void requireCorrectAmongOk(Long correct, RequestCounts requests) {
        if (correct != null && (correct < 0 || correct > requests.ok())) {
            throw new IllegalArgumentException("correct is " + correct + "; expected 0 to requests.ok (" + requests.ok() + ")");
        }
    }

    private static void requirePartialInvalid(String partial, Validity validity) {
        if (partial != null && (partial.isBlank() || validity.valid())) {
            throw new IllegalArgumentException("partial is '" + partial + "' but validity.valid is " + validity.valid()
                    + "; expected a reason and an invalid run (a variant stopped early is never valid)");
        }
    }

    private static void requireKnownComponents(OomKills oomKills, Map<String, ComponentResult> components) {
        for (String name : oomKills.components().keySet()) {
            if (!components.containsKey(name)) {
                throw new IllegalArgumentException("oomKills.components names '" + name
                        + "'; expected one of the components " + components.keySet());
            }
        }
    }

    private static void requireTimeOrder(List<Window> windows) {
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).startMs() < windows.get(i - 1).startMs()) {
                throw new IllegalArgumentException("windows[" + i + "].startMs is " + windows.get(i).startMs()
                        + "; expected >= " + windows.get(i - 1).startMs() + " (windows in time order)");
            }
        }
    }
}
