package io.edgetwin.simulator.sizing;

import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.VariantMetric;
import java.util.List;
import java.util.Locale;

/**
 * sizing.html: one self-contained page (inline CSS and SVG, nothing fetched): the verdict and the
 * recommendation, latency p99 against the memory cap (memory search) and against the CPU cap (CPU search
 * and joint check) with the SLO line and every failure marked by its cause, and the table of trials with
 * links to their reports.
 */
final class SizingHtml {

    private SizingHtml() {
    }

    static String render(SizingRequest request, Sizing sizing) {
        Double slo = request.slos().stream().filter(t -> t.metric() == VariantMetric.LATENCY_P99)
                .map(Threshold::limit).findFirst().orElse(null);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>sizing: ")
                .append(escape(request.component())).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
                        + ".CONFIRMED{color:#080}.UNCONFIRMED,.NO_FEASIBLE_CAPS{color:#c00}</style></head><body>");
        html.append("<h1>Sizing ").append(escape(request.component())).append(" in ").append(escape(request.scenario().name()))
                .append("</h1><p class=\"").append(sizing.verdict()).append("\"><b>")
                .append(escape(sizing.summary())).append("</b></p><p>SLOs: ")
                .append(escape(String.join(", ", request.slos().stream().map(Threshold::expr).toList())))
                .append(". Ranges: memory ").append(request.memory()).append(", cpus ").append(request.cpus()).append(".</p>");
        if (sizing.plan() != null) {
            html.append("<p>Observed: ").append(escape(sizing.plan())).append(".</p>");
        }
        sizing.widenings().forEach(w -> html.append("<p>The observation misled: ").append(escape(w)).append(".</p>"));
        html.append("<h2>Latency p99 vs memory cap (the top check and the memory bisection)</h2>")
                .append(SvgChart.render("latency p99 vs memory cap", request.memory().minKb() / 1024.0, request.memory().maxKb() / 1024.0,
                        mib -> Math.round(mib) + "m", points(sizing, true), slo));
        html.append("<h2>Latency p99 vs CPU cap (the CPU bisection and the joint check)</h2>")
                .append(SvgChart.render("latency p99 vs cpu cap", request.cpus().min(), request.cpus().max(),
                        c -> String.format(Locale.ROOT, "%.2f", c), points(sizing, false), slo));
        html.append(legend()).append(table(sizing)).append("</body></html>\n");
        return html.toString();
    }

    private static List<SvgChart.Point> points(Sizing sizing, boolean memory) {
        return sizing.trials().stream()
                .filter(t -> memory ? t.phase() == Phase.TOP || t.phase() == Phase.MEMORY || t.phase() == Phase.SEARCH
                        : t.phase() == Phase.CPU || t.phase() == Phase.SEARCH || t.phase() == Phase.JOINT)
                .map(t -> new SvgChart.Point(t.number(), memory ? t.caps().memoryKb() / 1024.0 : t.caps().cpus(),
                        t.result().p99Ms(), t.result().outcome()))
                .toList();
    }

    private static String legend() {
        StringBuilder legend = new StringBuilder("<p>");
        for (Outcome outcome : Outcome.values()) {
            legend.append("<svg width=\"16\" height=\"16\">").append(SvgChart.marker(outcome, 8, 8)).append("</svg> ")
                    .append(outcome).append(" &nbsp; ");
        }
        return legend.append("(a failure without a p99 sits on the top edge; numbers are trial numbers)</p>").toString();
    }

    private static String table(Sizing sizing) {
        StringBuilder table = new StringBuilder("<h2>Trials</h2><table><tr><th>#</th><th>phase</th><th>memory</th><th>cpus</th>"
                + "<th>outcome</th><th>p99 (ms)</th><th>major faults/s</th><th>component peak (MiB)</th><th>detail</th><th>evidence</th></tr>");
        for (Trial t : sizing.trials()) {
            TrialResult r = t.result();
            table.append("<tr><td>").append(t.number()).append("</td><td>").append(t.phase()).append("</td><td>")
                    .append(t.caps().memoryLabel()).append("</td><td>").append(t.caps().cpusLabel()).append("</td><td>")
                    .append(r.outcome()).append("</td><td>").append(r.p99Ms() == null ? "–" : String.format(Locale.ROOT, "%.1f", r.p99Ms()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", r.majorFaultsPerSec())).append("</td><td>")
                    .append(r.componentPeakBytes() / (1024 * 1024)).append("</td><td>").append(escape(r.detail())).append("</td><td>")
                    .append(r.evidence() == null ? "" : "<a href=\"" + escape(r.evidence()) + "\">" + escape(r.evidence()) + "</a>")
                    .append("</td></tr>");
        }
        return table.append("</table>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
