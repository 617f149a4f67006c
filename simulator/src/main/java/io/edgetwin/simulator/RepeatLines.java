package io.edgetwin.simulator;

import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.RepeatedVariant;
import io.edgetwin.report.Report;
import io.edgetwin.report.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The last lines {@code edgetwin run} prints before its verdict: each variant's p50, p99 and the host's
 * outside CPU as median [min–max] over the repeats, and each p99 comparison with its confidence.
 */
final class RepeatLines {

    private RepeatLines() {
    }

    static List<String> of(Report report) {
        List<String> lines = new ArrayList<>();
        if (report.repeats() == null) {
            return lines;
        }
        int n = report.repeats().count();
        report.repeats().variants().forEach((name, v) -> lines.add("[" + name + "] " + variant(v, n)));
        for (RatioInterval c : report.repeats().comparisons()) {
            if (c.metric().equals("latency.p99")) {
                lines.add(c.sentence());
            }
        }
        return lines;
    }

    private static String variant(RepeatedVariant v, int n) {
        String over = n == 1 ? "" : " (median [min–max] of " + n + " repeats)";
        String outside = v.outsideShare() == null ? "" : ", others on the host used " + (n == 1
                ? String.format(Locale.ROOT, "%.0f %%", v.outsideShare().median() * 100)
                : String.format(Locale.ROOT, "%.0f %% [%.0f–%.0f]", v.outsideShare().median() * 100,
                v.outsideShare().min() * 100, v.outsideShare().max() * 100)) + " of the cores";
        return "p50 " + ms(v.p50Ms(), n) + ", p99 " + ms(v.p99Ms(), n) + outside + over;
    }

    private static String ms(Spread spread, int n) {
        return (n == 1 ? String.format(Locale.ROOT, "%.1f", spread.median()) : spread.format(1)) + " ms";
    }
}
