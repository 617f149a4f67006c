package io.edgetwin.report;

/**
 * One variant in one repeat of a run, as {@code repeats} in report.json lists it.
 *
 * @param repeat        1-based
 * @param outsideShare  mean share of the host's cores others used meanwhile; {@code null} when not measured
 */
public record RepeatRun(int repeat, boolean valid, boolean passed, double p50Ms, double p99Ms, double throughputPerSec,
                        Double outsideShare) {

    public RepeatRun {
        Checks.positive("repeats.runs.repeat", repeat);
        Checks.nonNegative("repeats.runs.p50Ms", p50Ms);
        Checks.nonNegative("repeats.runs.p99Ms", p99Ms);
        Checks.nonNegative("repeats.runs.throughputPerSec", throughputPerSec);
    }
}
