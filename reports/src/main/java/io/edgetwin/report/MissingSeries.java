package io.edgetwin.report;

import java.util.Locale;
import java.util.Objects;

/**
 * A resource series a run could not sample, in whole or in part, so that a chart or figure built
 * from it is never silently empty or short.
 *
 * @param twin      the twin
 * @param component a component name, or {@code device} for the whole twin as the host sees it
 * @param column    {@code null} when whole samples are missing; else the one column that is only
 *                  estimated ({@code memoryPeakBytes}: the highest sample, the kernel keeps no peak)
 * @param fromMs    ms since load start of the first sampling that failed (negative: during warm-up)
 * @param untilMs   of the first sampling that worked again; {@code null} when it never did: the
 *                  series was cut off there (or, with no samples at all, never sampled)
 * @param reason    why, naming the place or file ({@code cgroup v2 of container … not found at …})
 */
public record MissingSeries(String twin, String component, String column, long fromMs, Long untilMs, String reason) {

    public MissingSeries {
        Checks.name("missingSeries.twin", twin);
        Checks.name("missingSeries.component", component);
        Checks.name("missingSeries.reason", reason);
        if (column != null) {
            Checks.name("missingSeries.column", column);
        }
        if (untilMs != null && untilMs < fromMs) {
            throw new IllegalArgumentException("missingSeries.untilMs is " + untilMs + "; expected >= fromMs " + fromMs);
        }
    }

    /** Whether sampling never came back: the series was cut off at {@code fromMs}, or never taken. */
    public boolean cutOff() {
        return column == null && untilMs == null;
    }

    /** E.g. {@code twin t-1, device: missing from 12.0 s to the end: cgroup v2 of container … not found at …}. */
    public String describe() {
        String what = column != null ? column + " estimated from " + seconds(fromMs)
                : "missing from " + seconds(fromMs) + (untilMs == null ? " to the end" : " to " + seconds(untilMs));
        return "twin " + twin + ", " + component + ": " + what + ": " + reason;
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
