package io.edgetwin.report.html;

import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.Repeats;
import io.edgetwin.report.Spread;
import java.util.Locale;

/**
 * The repeats section of report.html: each variant's metrics as median [min–max] over the repeats, and
 * every comparison between variants with its bootstrap interval.
 */
final class RepeatTables {

    private RepeatTables() {
    }

    static String render(Repeats repeats) {
        boolean one = repeats.count() == 1;
        StringBuilder out = new StringBuilder("<p>").append(repeats.count() == 1 ? "one run"
                : repeats.count() + " repeats; median [min–max]; the charts below show repeat 1").append("</p>");
        out.append("<table><tr><th></th><th>p50 (ms)</th><th>p99 (ms)</th><th>throughput (/s)</th>"
                + "<th>others' CPU (% of cores)</th><th>valid runs</th></tr>");
        repeats.variants().forEach((name, v) -> out.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
                .append(spread(v.p50Ms(), 2, one)).append("</td><td>").append(spread(v.p99Ms(), 2, one)).append("</td><td>")
                .append(spread(v.throughputPerSec(), 1, one)).append("</td><td>").append(percent(v.outsideShare(), one))
                .append("</td><td>").append(v.runs().stream().filter(r -> r.valid()).count()).append(" of ")
                .append(v.runs().size()).append("</td></tr>"));
        out.append("</table>");
        if (!repeats.comparisons().isEmpty()) {
            out.append("<table><tr><th>comparison</th><th>ratio</th><th>95 % interval</th><th>lower than the baseline in</th></tr>");
            for (RatioInterval c : repeats.comparisons()) {
                out.append("<tr><td>").append(Html.escape(c.variant() + " " + c.metric() + " / " + c.baseline()))
                        .append("</td><td>").append(Html.number(c.ratio(), 2)).append("</td><td>")
                        .append(Html.number(c.low(), 2)).append("–").append(Html.number(c.high(), 2)).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.1f %% of %d resamples", c.probabilityBelow() * 100, c.resamples()))
                        .append("</td></tr>");
            }
            out.append("</table><p class=\"note\">bootstrap over 1 s windows of every repeat, seed ")
                    .append(repeats.comparisons().get(0).seed()).append(" (docs/report.md, Confidence)</p>");
        }
        return out.toString();
    }

    private static String spread(Spread spread, int decimals, boolean one) {
        return one ? Html.number(spread.median(), decimals) : spread.format(decimals);
    }

    private static String percent(Spread share, boolean one) {
        if (share == null) {
            return "not measured";
        }
        if (one) {
            return String.format(Locale.ROOT, "%.0f", share.median() * 100);
        }
        return String.format(Locale.ROOT, "%.0f [%.0f–%.0f]", share.median() * 100, share.min() * 100, share.max() * 100);
    }
}
