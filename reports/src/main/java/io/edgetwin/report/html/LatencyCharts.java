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
        return charts.stream().map(chart -> chart.yMax(max).render()).toList();
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
        for (Map.Entry<String, VariantResult> entry : variants.entrySet()) {
            chart.line(distribution(entry.getKey(), entry.getValue().latencyHistogram().histogram(),
                    Palette.color(index++)));
        }
        return chart.render();
    }

    private static Line distribution(String name, Histogram histogram, String color) {
        int steps = 4 * STEPS_PER_DECADE + 1;
        double[] xs = new double[steps];
        double[] ys = new double[steps];
        for (int i = 0; i < steps; i++) {
            xs[i] = (double) i / STEPS_PER_DECADE;
            double percentile = 100 * (1 - Math.pow(10, -xs[i]));
            ys[i] = histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
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
