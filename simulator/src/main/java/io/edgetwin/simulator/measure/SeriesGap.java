package io.edgetwin.simulator.measure;

import java.util.Objects;

/**
 * A stretch of a resource series the observer could not sample, or one column it could only
 * estimate. Times are ms since the start of the measured part, as in {@link ResourceSample}.
 *
 * @param component a component name or {@link Series#DEVICE}
 * @param column    null when whole samples are missing; else the one column that is estimated (e.g.
 *                  {@code memoryPeakBytes} from the highest sample)
 * @param fromMs    the first sampling that failed
 * @param untilMs   the first sampling that succeeded again; null when sampling never recovered
 * @param reason    why, naming the place or file ("cgroup v2 of container … not found at …")
 */
public record SeriesGap(String twin, String component, String column, long fromMs, Long untilMs, String reason) {

    public SeriesGap {
        Objects.requireNonNull(twin, "twin");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        if (untilMs != null && untilMs < fromMs) {
            throw new IllegalArgumentException("gap until " + untilMs + " ms is before its start " + fromMs + " ms");
        }
    }

    /** Whether sampling never came back (cut off, or never taken). */
    public boolean openEnded() {
        return untilMs == null;
    }
}
