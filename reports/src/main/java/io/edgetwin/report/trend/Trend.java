package io.edgetwin.report.trend;

import io.edgetwin.report.Provenance;
import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs of one or more scenarios in time order, and per variant the series of values each check took
 * across them: every threshold's {@code actual}, plus latency p50 and p99, the error rate and the
 * throughput, which every run has. A slow drift that no single gate catches shows in a series.
 *
 * @param runs   the runs, oldest first
 * @param series per key ({@code <variant>: <threshold or metric>}), one point per run (null when the
 *               run did not have it), keys in first-seen order
 */
public record Trend(List<Run> runs, Map<String, Series> series) {

    /** Figures every run has, charted even when no threshold names them. */
    private static final List<String> ALWAYS = List.of("latency.p50", "latency.p99", "errors.rate", "throughput");

    public Trend {
        runs = List.copyOf(runs);
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    /**
     * One run.
     *
     * @param source            where it was read from
     * @param provenanceChanged what differs from the run before it (host class, twin image, commit);
     *                          empty for the first run and when nothing changed
     */
    public record Run(String source, Report report, List<String> provenanceChanged) {
        public Run {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(report, "report");
            provenanceChanged = List.copyOf(provenanceChanged);
        }
    }

    /**
     * One check across runs.
     *
     * @param unit   the unit of the values, e.g. {@code ms}
     * @param values one per run, null when the run had no value
     * @param passed one per run, null when the run had no such threshold (or it is a plain metric)
     */
    public record Series(String variant, String check, String unit, List<Double> values, List<Boolean> passed) {
        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
            passed = java.util.Collections.unmodifiableList(new ArrayList<>(passed));
        }

        /** The last value over the first, among those known; null with fewer than two. */
        public Double drift() {
            List<Double> known = values.stream().filter(Objects::nonNull).toList();
            if (known.size() < 2 || known.get(0) == 0) {
                return null;
            }
            return known.get(known.size() - 1) / known.get(0);
        }
    }

    /** The trend of {@code reports} (by source), put in the order they started. */
    public static Trend of(Map<String, Report> reports) {
        List<Map.Entry<String, Report>> ordered = new ArrayList<>(reports.entrySet());
        ordered.sort(Comparator.comparing(entry -> entry.getValue().startedAt()));
        List<Run> runs = new ArrayList<>();
        Provenance before = null;
        for (Map.Entry<String, Report> entry : ordered) {
            Provenance now = entry.getValue().provenance();
            runs.add(new Run(entry.getKey(), entry.getValue(), runs.isEmpty() ? List.of() : changes(before, now)));
            before = now;
        }
        return new Trend(runs, series(runs));
    }

    private static List<String> changes(Provenance before, Provenance now) {
        if (before == null && now == null) {
            return List.of();
        }
        if (before == null || now == null) {
            return List.of("provenance " + (now == null ? "not recorded" : "recorded from here on"));
        }
        List<String> changes = new ArrayList<>(now.differencesFrom(before));
        if (!Objects.equals(before.gitCommit(), now.gitCommit())) {
            changes.add("commit: " + before.gitCommit() + " then, " + now.gitCommit() + " now");
        }
        return changes;
    }

    private static Map<String, Series> series(List<Run> runs) {
        Map<String, Series> series = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Map.Entry<String, VariantResult> variant : runs.get(i).report().variants().entrySet()) {
                VariantResult v = variant.getValue();
                put(series, runs.size(), i, variant.getKey(), "latency.p50", "ms", v.latencyMs().p50(), null);
                put(series, runs.size(), i, variant.getKey(), "latency.p99", "ms", v.latencyMs().p99(), null);
                put(series, runs.size(), i, variant.getKey(), "errors.rate", "fraction", v.requests().errorRate(), null);
                put(series, runs.size(), i, variant.getKey(), "throughput", "/s", v.throughputPerSec(), null);
                for (ThresholdResult threshold : v.thresholds()) {
                    if (!ALWAYS.contains(threshold.expr())) {
                        put(series, runs.size(), i, variant.getKey(), threshold.expr(), threshold.unit().toString(),
                                threshold.actual(), threshold.passed());
                    }
                }
            }
        }
        return series;
    }

    private static void put(Map<String, Series> all, int runs, int index, String variant, String check, String unit,
                            Double value, Boolean passed) {
        Series series = all.computeIfAbsent(variant + ": " + check, key -> new Series(variant, check, unit,
                java.util.Collections.nCopies(runs, null), java.util.Collections.nCopies(runs, null)));
        List<Double> values = new ArrayList<>(series.values());
        List<Boolean> outcomes = new ArrayList<>(series.passed());
        values.set(index, value == null || Double.isNaN(value) ? null : value);
        outcomes.set(index, passed);
        all.put(variant + ": " + check, new Series(variant, check, unit, values, outcomes));
    }
}
