package io.edgetwin.report;

import java.util.List;
import java.util.Objects;

/**
 * A variant over every repeat: each repeat's numbers and each metric's median and range.
 *
 * @param outsideShare {@code null} when no repeat measured the host's interference
 */
public record RepeatedVariant(List<RepeatRun> runs, Spread p50Ms, Spread p99Ms, Spread throughputPerSec,
                              Spread outsideShare) {

    public RepeatedVariant {
        runs = List.copyOf(Objects.requireNonNull(runs, "repeats.variants.runs"));
        Objects.requireNonNull(p50Ms, "repeats.variants.p50Ms");
        Objects.requireNonNull(p99Ms, "repeats.variants.p99Ms");
        Objects.requireNonNull(throughputPerSec, "repeats.variants.throughputPerSec");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("repeats.variants.runs is empty; expected one entry per repeat");
        }
    }

    /** The spreads of {@code runs}. */
    public static RepeatedVariant of(List<RepeatRun> runs) {
        List<Double> outside = runs.stream().map(RepeatRun::outsideShare).filter(Objects::nonNull).toList();
        return new RepeatedVariant(runs, Spread.of(runs.stream().map(RepeatRun::p50Ms).toList()),
                Spread.of(runs.stream().map(RepeatRun::p99Ms).toList()),
                Spread.of(runs.stream().map(RepeatRun::throughputPerSec).toList()),
                outside.isEmpty() ? null : Spread.of(outside));
    }
}
