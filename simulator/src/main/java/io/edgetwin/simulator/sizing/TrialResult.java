package io.edgetwin.simulator.sizing;

import java.util.Objects;

/**
 * What one trial showed.
 *
 * @param detail              in words: what failed and by how much, or what passed
 * @param p99Ms               latency p99 of the run; null when the run produced no report
 * @param majorFaultsPerSec   the component's major page faults per second while it served (thrash signal)
 * @param componentPeakBytes  the component cgroup's peak memory usage; 0 when not observed
 * @param evidence            the trial's report.json (or failure.txt when the run did not complete), relative to the sizing
 *                            output directory; null when none was written
 * @param usage               the component's memory and CPU use while it served ({@link Usage#none()} when not seen):
 *                            what the observation trial brackets the search with
 */
public record TrialResult(Outcome outcome, String detail, Double p99Ms, double majorFaultsPerSec,
                          long componentPeakBytes, String evidence, Usage usage) {

    public TrialResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        usage = usage == null ? Usage.none() : usage;
    }

    public TrialResult(Outcome outcome, String detail, Double p99Ms, double majorFaultsPerSec, long componentPeakBytes,
                       String evidence) {
        this(outcome, detail, p99Ms, majorFaultsPerSec, componentPeakBytes, evidence, Usage.none());
    }

    public boolean passed() {
        return outcome.passed();
    }

    /** This result with {@code note} added to its detail, e.g. that the trial stopped early. */
    public TrialResult withNote(String note) {
        return new TrialResult(outcome, detail + "; " + note, p99Ms, majorFaultsPerSec, componentPeakBytes, evidence, usage);
    }

    /** This result with its evidence at {@code path}. */
    public TrialResult withEvidence(String path) {
        return new TrialResult(outcome, detail, p99Ms, majorFaultsPerSec, componentPeakBytes, path, usage);
    }
}
