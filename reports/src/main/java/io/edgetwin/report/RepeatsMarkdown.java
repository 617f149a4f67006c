package io.edgetwin.report;

import java.util.List;
import java.util.Locale;

/**
 * report.md's host-interference lines and its repeats section: each variant's share of the host others
 * used, the metrics as median [min–max] over the repeats, and every comparison with its interval.
 */
final class RepeatsMarkdown {

    private RepeatsMarkdown() {
    }

    static String render(Report report) {
        StringBuilder out = new StringBuilder();
        report.variants().forEach((name, v) -> {
            if (v.interference() != null) {
                out.append("- ").append(name).append(": ").append(v.interference().sentence()).append('\n');
            }
        });
        Repeats repeats = report.repeats();
        if (repeats == null) {
            return out.toString();
        }
        out.append("\n## ").append(repeats.count() == 1 ? "Confidence" : "Repeats (" + repeats.count()
                + "): median [min–max]").append("\n\n");
        if (repeats.count() > 1) {
            MarkdownTable table = new MarkdownTable("lrrrr", List.of("", "p50 (ms)", "p99 (ms)", "throughput (/s)",
                    "others' CPU (% of cores)"));
            repeats.variants().forEach((name, v) -> table.row(List.of(name, v.p50Ms().format(2), v.p99Ms().format(2),
                    v.throughputPerSec().format(1), v.outsideShare() == null ? "not measured" : String.format(Locale.ROOT,
                            "%.0f [%.0f–%.0f]", v.outsideShare().median() * 100, v.outsideShare().min() * 100,
                            v.outsideShare().max() * 100))));
            out.append(table.render()).append('\n');
        }
        repeats.comparisons().forEach(c -> out.append("- ").append(c.sentence()).append('\n'));
        return out.append('\n').toString();
    }
}
