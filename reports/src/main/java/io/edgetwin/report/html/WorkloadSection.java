package io.edgetwin.report.html;

import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Window;
import io.edgetwin.report.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page's "Workloads" section for a scenario that runs several models at once: one table row per
 * workload and variant (target, requests, latency, throughput, correct answers, the target component's peak
 * memory and throttled share, validity), then per
 * workload a latency chart of every variant on one scale, so a reader sees whether the steady model kept
 * its latency through the other's bursts in each variant.
 */
final class WorkloadSection {

    private WorkloadSection() {
    }

    /** Empty when no variant ran several workloads. */
    static String render(Map<String, VariantResult> variants) {
        Set<String> names = new LinkedHashSet<>();
        variants.values().forEach(v -> names.addAll(v.workloads().keySet()));
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<table><tr><th>workload</th><th>variant</th><th>target</th>"
                + "<th>requests sent / ok / failed / late</th><th>p50 / p99 / max (ms)</th><th>throughput</th>"
                + "<th>correct answers</th><th>target peak memory / throttled</th><th>run</th></tr>");
        for (String name : names) {
            variants.forEach((variant, result) -> {
                WorkloadResult w = result.workloads().get(name);
                if (w != null) {
                    out.append(row(name, variant, w, result.components().get(w.target())));
                }
            });
        }
        out.append("</table>");
        for (String name : names) {
            out.append("<h3>").append(Html.escape(name)).append("</h3>").append(charts(name, variants));
        }
        return out.toString();
    }

    private static String row(String name, String variant, WorkloadResult w, ComponentResult target) {
        return "<tr><td>" + Html.escape(name) + "</td><td>" + Html.escape(variant) + "</td><td>" + Html.escape(w.target())
                + "</td><td class=\"num\">" + w.requests().sent() + " / " + w.requests().ok() + " / " + w.requests().failed()
                + " / " + w.requests().late() + "</td><td class=\"num\">" + Html.number(w.latencyMs().p50(), 2) + " / "
                + Html.number(w.latencyMs().p99(), 2) + " / " + Html.number(w.latencyMs().max(), 2)
                + "</td><td class=\"num\">" + Html.number(w.throughputPerSec(), 1) + " /s</td><td class=\"num\">"
                + w.correct() + (w.requests().ok() == 0 ? "" : " (" + Html.number(w.accuracy() * 100, 1) + " %)")
                + "</td><td class=\"num\">" + (target == null || target.memoryPeakBytes() == null ? "–"
                : Html.mib(target.memoryPeakBytes())) + " / " + (target == null || target.throttleRatio() == null ? "–"
                : Html.number(target.throttleRatio() * 100, 1) + " %") + "</td><td>" + (w.validity().valid() ? "<span class=\"ok\">valid</span>"
                : "<span class=\"bad\">INVALID</span>: " + Html.escape(String.join("; ", w.validity().reasons())))
                + "</td></tr>";
    }

    /** One chart per variant for workload {@code name}, on a shared y scale. */
    private static String charts(String name, Map<String, VariantResult> variants) {
        List<LineChart> charts = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, VariantResult> entry : variants.entrySet()) {
            WorkloadResult w = entry.getValue().workloads().get(name);
            String color = Palette.color(index++);
            if (w != null) {
                charts.add(chart(name + " — " + entry.getKey(), w.windows(), color));
            }
        }
        double max = charts.stream().mapToDouble(LineChart::dataMaxY).max().orElse(1) * 1.05;
        StringBuilder out = new StringBuilder("<div class=\"row\" style=\"--columns:").append(charts.size()).append("\">");
        charts.forEach(chart -> out.append("<div>").append(chart.yMax(max).render()).append("</div>"));
        return out.append("</div>\n").toString();
    }

    private static LineChart chart(String title, List<Window> windows, String color) {
        double[] xs = new double[windows.size()];
        double[] p50 = new double[windows.size()];
        double[] p99 = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            xs[i] = windows.get(i).startMs() / 1000.0;
            p50[i] = windows.get(i).count() == 0 ? Double.NaN : windows.get(i).p50Ms();
            p99[i] = windows.get(i).count() == 0 ? Double.NaN : windows.get(i).p99Ms();
        }
        return new LineChart(title + ": latency per window", "seconds since load start", "latency (ms)",
                value -> Html.number(value, 1))
                .line(new Line("p99", color, false, xs, p99))
                .line(new Line("p50", color, true, xs, p50));
    }
}
