package io.edgetwin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * report.md's "Workloads" section for a scenario that runs several models at once: one row per workload
 * and variant with its target, requests, latency, throughput, correct answers, the target component's own
 * peak memory and throttled share, and validity.
 */
final class WorkloadMarkdown {

    private WorkloadMarkdown() {
    }

    /** Empty when no variant ran several workloads. */
    static String section(Map<String, VariantResult> variants) {
        Set<String> names = new LinkedHashSet<>();
        variants.values().forEach(v -> names.addAll(v.workloads().keySet()));
        if (names.isEmpty()) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("lllrrrrrrl", List.of("workload", "variant", "target",
                "sent / ok / failed / late", "p50 (ms)", "p99 (ms)", "throughput (/s)", "correct",
                "target peak (MiB) / throttled", "run"));
        for (String name : names) {
            variants.forEach((variant, result) -> {
                WorkloadResult w = result.workloads().get(name);
                if (w != null) {
                    table.row(List.of(name, variant, w.target(), w.requests().sent() + " / " + w.requests().ok() + " / "
                                    + w.requests().failed() + " / " + w.requests().late(), number(w.latencyMs().p50(), 3),
                            number(w.latencyMs().p99(), 3), number(w.throughputPerSec(), 2), w.correct()
                                    + (w.requests().ok() == 0 ? "" : " (" + number(w.accuracy() * 100, 1) + " %)"),
                            target(result.components().get(w.target())),
                            w.validity().valid() ? "valid" : "INVALID: " + String.join("; ", w.validity().reasons())));
                }
            });
        }
        return "\n## Workloads\n\n" + table.render() + "\n";
    }

    /** The target component's own peak memory and throttled share: {@code 301.2 / 4.5 %}, {@code –} where unread. */
    static String target(ComponentResult component) {
        if (component == null) {
            return "– / –";
        }
        String peak = component.memoryPeakBytes() == null ? "–" : number(component.memoryPeakBytes() / (1024.0 * 1024.0), 1);
        String throttled = component.throttleRatio() == null ? "–" : number(component.throttleRatio() * 100, 1) + " %";
        return peak + " / " + throttled;
    }

    private static String number(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
