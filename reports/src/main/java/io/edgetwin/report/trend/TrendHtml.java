package io.edgetwin.report.trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * trend.html: one self-contained page (inline CSS and SVG, no script). First the runs in time order
 * with their verdict and what changed in their provenance, then one small chart per check and
 * variant: its value run after run, failed gates in red, runs whose host class, image or commit
 * changed marked with a dashed line, and the drift from the first run to the last.
 */
public final class TrendHtml {

    private static final int WIDTH = 420;
    private static final int HEIGHT = 140;
    private static final int PAD = 36;

    private TrendHtml() {
    }

    public static String render(Trend trend) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>edgetwin trend</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1320px;"
                + "padding:0 20px 40px;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px}"
                + "th{background:#f4f4f4}.PASS{color:#1e8449}.FAIL,.bad{color:#b03a2e}.INVALID,.ABORTED{color:#7d6608}"
                + ".charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid #eee;padding:6px}"
                + "</style></head><body>\n<h1>Trend over ").append(trend.runs().size()).append(" runs</h1>\n");
        out.append(runs(trend));
        out.append("<h2>Checks run after run</h2><div class=\"charts\">");
        trend.series().values().forEach(series -> out.append(chart(trend, series)));
        return out.append("</div></body></html>\n").toString();
    }

    private static String runs(Trend trend) {
        StringBuilder out = new StringBuilder("<table><tr><th>#</th><th>run</th><th>started</th><th>scenario</th>"
                + "<th>verdict</th><th>commit</th><th>host class</th><th>twin image</th><th>changed since the run before</th></tr>");
        for (int i = 0; i < trend.runs().size(); i++) {
            Trend.Run run = trend.runs().get(i);
            var provenance = run.report().provenance();
            out.append("<tr><td>").append(i + 1).append("</td><td>").append(escape(run.source())).append("</td><td>")
                    .append(run.report().startedAt()).append("</td><td>").append(escape(run.report().scenario()))
                    .append("</td><td class=\"").append(run.report().verdict()).append("\">").append(run.report().verdict())
                    .append("</td><td>").append(escape(provenance == null ? "–" : String.valueOf(provenance.gitCommit())))
                    .append("</td><td>").append(escape(provenance == null ? "–" : provenance.hostClass()))
                    .append("</td><td>").append(escape(provenance == null ? "–" : String.valueOf(provenance.twinImage())))
                    .append("</td><td class=\"bad\">").append(escape(String.join("; ", run.provenanceChanged())))
                    .append("</td></tr>");
        }
        return out.append("</table>\n").toString();
    }

    private static String chart(Trend trend, Trend.Series series) {
        List<Double> values = series.values();
        double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = max <= 0 ? 1 : max * 1.15;
        int n = values.size();
        StringBuilder svg = new StringBuilder("<div class=\"chart\"><b>").append(escape(series.variant())).append(": ")
                .append(escape(series.check())).append("</b> (").append(escape(series.unit())).append(")")
                .append(drift(series)).append("<br><svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\"><title>").append(escape(series.variant() + ": " + series.check())).append("</title>");
        svg.append(line(PAD, HEIGHT - PAD, WIDTH - 8, HEIGHT - PAD, "#999", false))
                .append(line(PAD, 8, PAD, HEIGHT - PAD, "#999", false))
                .append(text(PAD - 4, 14, number(top), "end")).append(text(PAD - 4, HEIGHT - PAD, "0", "end"));
        List<String> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = x(i, n);
            svg.append(text(x, HEIGHT - PAD + 14, Integer.toString(i + 1), "middle"));
            if (!trend.runs().get(i).provenanceChanged().isEmpty()) {
                svg.append(line(x, 8, x, HEIGHT - PAD, "#e67e22", true));
            }
            Double value = values.get(i);
            if (value != null) {
                double y = (HEIGHT - PAD) - (value / top) * (HEIGHT - PAD - 8);
                points.add(format(x) + "," + format(y));
                boolean failed = Boolean.FALSE.equals(series.passed().get(i));
                svg.append("<circle cx=\"").append(format(x)).append("\" cy=\"").append(format(y)).append("\" r=\"3.5\" fill=\"")
                        .append(failed ? "#b03a2e" : "#1f618d").append("\"><title>run ").append(i + 1).append(": ")
                        .append(number(value)).append(failed ? " (failed)" : "").append("</title></circle>");
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f618d\" stroke-width=\"1.5\" points=\"")
                .append(String.join(" ", points)).append("\"/>");
        return svg.append(text(WIDTH / 2.0, HEIGHT - 4, "run", "middle")).append("</svg></div>").toString();
    }

    private static String drift(Trend.Series series) {
        Double drift = series.drift();
        if (drift == null) {
            return "";
        }
        return ", last/first ×" + BigDecimal.valueOf(drift).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static double x(int i, int n) {
        return n <= 1 ? (PAD + WIDTH) / 2.0 : PAD + 12 + i * (WIDTH - PAD - 32.0) / (n - 1);
    }

    private static String line(double x1, double y1, double x2, double y2, String color, boolean dashed) {
        return "<line x1=\"" + format(x1) + "\" y1=\"" + format(y1) + "\" x2=\"" + format(x2) + "\" y2=\"" + format(y2)
                + "\" stroke=\"" + color + "\"" + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" font-size=\"10\" text-anchor=\"" + anchor + "\">"
                + escape(text) + "</text>";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
