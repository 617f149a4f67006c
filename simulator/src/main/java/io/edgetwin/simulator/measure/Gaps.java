package io.edgetwin.simulator.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gaps of a variant's series as sampling goes on: a missed sampling opens a gap (keeping the
 * first reason: the cause, not its echoes), the next successful one closes it. A column estimate is
 * noted once per series. Thread-safe.
 */
final class Gaps {

    private final Map<String, SeriesGap> open = new LinkedHashMap<>();
    private final List<SeriesGap> closed = new ArrayList<>();
    private final Map<String, SeriesGap> columns = new LinkedHashMap<>();

    synchronized void missed(String twin, String component, long tMs, String reason) {
        open.putIfAbsent(twin + "/" + component, new SeriesGap(twin, component, null, tMs, null, reason));
    }

    synchronized void sampled(String twin, String component, long tMs) {
        SeriesGap gap = open.remove(twin + "/" + component);
        if (gap != null) {
            closed.add(new SeriesGap(gap.twin(), gap.component(), null, gap.fromMs(), Math.max(gap.fromMs(), tMs), gap.reason()));
        }
    }

    synchronized void estimated(String twin, String component, String column, long tMs, String reason) {
        columns.putIfAbsent(twin + "/" + component + "/" + column, new SeriesGap(twin, component, column, tMs, null, reason));
    }

    /** Every gap: closed ones, those still open, then column estimates. */
    synchronized List<SeriesGap> all() {
        List<SeriesGap> all = new ArrayList<>(closed);
        all.addAll(open.values());
        all.addAll(columns.values());
        return all;
    }
}
