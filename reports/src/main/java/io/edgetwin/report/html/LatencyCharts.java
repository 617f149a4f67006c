package io.edgetwin.report.html;

import io.edgetwin.report.Event;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency charts: p50 and p99 per window over time for each variant (one shared scale, faults and
 * OOM kills marked), and every variant's percentile distribution on one chart.
 */
final class LatencyCharts {

    /** Percentile positions as log10(1 / (1 - p)): 0 = 0 %, 1 = 90 %, 2 = 99 %, ... */
    private static final double[] TICKS = {0, Math.log10(2), 1, 2, 3, 4};
    private static final String[] TICK_LABELS = {"0%", "50%", "90%", "99%", "99.9%", "99.99%"};
    private static final int STEPS_PER_DECADE = 10;
    /**
     * The validity rule's answer counts (662 for p99, 6636 for p99.9: LoadGen's 99 % confidence) are
     * about this many answers beyond the percentile.
     */
    private static final double ANSWERS_PER_TAIL = 6.62;

    private LatencyCharts() {
    }

    /** One chart per variant, in variant order, on a shared y scale. */
    static List<String> overTime(Map<String, VariantResult> variants) {
        List<LineChart> charts = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, VariantResult> entry : variants.entrySet()) {
            charts.add(overTime(entry.getKey(), entry.getValue(), Palette.color(index++)));
        }
        double max = charts.stream().mapToDouble(LineChart::dataMaxY).max().orElse(1) * 1.05;
        List<String> rendered = new ArrayList<>();
        List<VariantResult> results = List.copyOf(variants.values());
        for (int i = 0; i < charts.size(); i++) {
            rendered.add(charts.get(i).yMax(max).render() + fewAnswers(results.get(i).windows()));
        }
        return rendered;
    }

    /** Answers a percentile needs to be stated at 99 % confidence: about 6.62 / (1 - p), e.g. 662 for p99. */
    static double answersFor(double percentile) {
        return ANSWERS_PER_TAIL / (1 - percentile / 100);
    }

    /** A note when windows had too few answers for their p99 to be more than the window's tail. */
    private static String fewAnswers(List<Window> windows) {
        long measured = windows.stream().filter(w -> w.count() > 0).count();
        long few = windows.stream().filter(w -> w.count() > 0 && w.count() < Math.ceil(answersFor(99))).count();
        if (few == 0) {
            return "";
        }
        return "<p class=\"note\">p99 per window: " + few + " of " + measured + " windows had fewer than "
                + (long) Math.ceil(answersFor(99)) + " answers, too few for a p99 at 99 % confidence; there the line"
                + " shows the window's slowest answers, not a p99. The run's own p99 is in the table above.</p>";
    }

    private static LineChart overTime(String name, VariantResult variant, String color) {
        List<Window> windows = variant.windows();
        double[] xs = new double[windows.size()];
        double[] p50 = new double[windows.size()];
        double[] p99 = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            xs[i] = windows.get(i).startMs() / 1000.0;
            p50[i] = windows.get(i).count() == 0 ? Double.NaN : windows.get(i).p50Ms();
            p99[i] = windows.get(i).count() == 0 ? Double.NaN : windows.get(i).p99Ms();
        }
        LineChart chart = new LineChart(name + ": latency per window", "seconds since load start", "latency (ms)",
                value -> Html.number(value, 1))
                .line(new Line("p99", color, false, xs, p99))
                .line(new Line("p50", color, true, xs, p50));
        for (Event event : variant.events()) {
            if (event.isFault()) {
                chart.marker(event.tMs() / 1000.0, Event.FAULT_START.equals(event.kind()) ? "fault" : "fault end",
                        Palette.FAULT);
            } else if (Event.OOM_KILL.equals(event.kind())) {
                chart.marker(event.tMs() / 1000.0, "OOM " + shortName(event), Palette.OOM);
            }
        }
        return chart;
    }

    /** Every variant's latency at each percentile, the tail stretched out on a log axis. */
    static String distribution(Map<String, VariantResult> variants) {
        LineChart chart = new LineChart("Latency percentile distribution", "percentile", "latency (ms)",
                value -> Html.number(value, 1))
                .xAxis(new Axis(0, 4, toList(TICKS), LatencyCharts::percentileLabel));
        int index = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, VariantResult> entry : variants.entrySet()) {
            Histogram histogram = entry.getValue().latencyHistogram().histogram();
            chart.line(distribution(entry.getKey(), histogram, Palette.color(index++)));
            if (supportedPosition(histogram.getTotalCount()) < 4) {
                notes.add(entry.getKey() + ": drawn up to " + percentileName(supportedPosition(histogram.getTotalCount()))
                        + "; its " + histogram.getTotalCount() + " answers support no higher percentile at 99 % confidence");
            }
        }
        return chart.render() + (notes.isEmpty() ? "" : "<p class=\"note\">" + Html.escape(String.join("; ", notes))
                + "</p>");
    }

    /** The highest position (log10(1 / (1 - p))) that {@code answers} support at 99 % confidence, in whole steps. */
    static double supportedPosition(long answers) {
        if (answers <= 0) {
            return 0;
        }
        double position = Math.log10(answers / ANSWERS_PER_TAIL);
        return Math.max(0, Math.floor(position * STEPS_PER_DECADE + 1e-6) / STEPS_PER_DECADE);
    }

    private static String percentileName(double position) {
        double percentile = 100 * (1 - Math.pow(10, -position));
        return "p" + Html.number(percentile, percentile >= 99.9 ? 2 : 1);
    }

    /** The distribution up to the highest percentile its answer count supports; beyond it, no line. */
    private static Line distribution(String name, Histogram histogram, String color) {
        int steps = 4 * STEPS_PER_DECADE + 1;
        double[] xs = new double[steps];
        double[] ys = new double[steps];
        double supported = supportedPosition(histogram.getTotalCount());
        for (int i = 0; i < steps; i++) {
            xs[i] = (double) i / STEPS_PER_DECADE;
            double percentile = 100 * (1 - Math.pow(10, -xs[i]));
            ys[i] = histogram.getTotalCount() == 0 || xs[i] > supported + 1e-9 ? Double.NaN
                    : histogram.getValueAtPercentile(percentile) / 1e6;
        }
        return new Line(name, color, false, xs, ys);
    }

    private static String percentileLabel(double position) {
        for (int i = 0; i < TICKS.length; i++) {
            if (Math.abs(TICKS[i] - position) < 1e-9) {
                return TICK_LABELS[i];
            }
        }
        return "";
    }

    private static String shortName(Event event) {
        String who = event.component() != null ? event.component() : event.twin() != null ? event.twin() : "";
        int dot = who.lastIndexOf('.');
        return dot >= 0 ? who.substring(dot + 1) : who;
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
