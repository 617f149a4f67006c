package io.edgetwin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a report as Markdown for a pull-request comment (report.md): the verdict, one table with
 * a column per variant, why a run is invalid when it is, how the fleet recovered from faults, the
 * component limits per variant and the thresholds. Plain enough to read
 * in a terminal. Memory is shown in MiB (1024 × 1024 bytes).
 */
public final class ReportMarkdown {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double KIB_PER_MIB = 1024.0;

    private ReportMarkdown() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(report.scenario()).append(": ").append(verdictMark(report.verdict())).append(' ')
                .append(report.verdict()).append("\n\n");
        out.append("Started ").append(report.startedAt()).append(", took ")
                .append(took(Duration.between(report.startedAt(), report.finishedAt()))).append(".\n\n");
        out.append(variantTable(report.variants())).append('\n');
        report.variants().forEach((name, variant) -> variant.validity().reasons().forEach(reason ->
                out.append("- ⚠️ ").append(name).append(" run invalid: ").append(reason).append('\n')));
        out.append(RecoveryMarkdown.section(report.variants()));
        out.append("## Component limits\n");
        report.variants().forEach((name, variant) -> out.append(componentSection(name, variant)));
        out.append("\n## Thresholds\n");
        report.variants().forEach((name, variant) -> out.append(thresholdSection(name, variant)));
        return out.toString();
    }

    private static String variantTable(Map<String, VariantResult> variants) {
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(variants.keySet());
        MarkdownTable table = new MarkdownTable("l" + "r".repeat(variants.size()), header);
        List<VariantResult> columns = List.copyOf(variants.values());
        row(table, "run", columns, v -> v.validity().valid() ? "valid" : "INVALID");
        row(table, "memory cap (MiB)", columns, v -> applied(mib(v.device().memoryBytes()), mib(v.requested().memoryBytes())));
        row(table, "cpus", columns, v -> applied(number(v.device().cpus(), 2), number(v.requested().cpus(), 2)));
        row(table, "pids", columns, v -> applied(count(v.device().pids()), count(v.requested().pids())));
        row(table, "twin start (ms)", columns, v -> Long.toString(v.twinStartMs()));
        row(table, "requests sent / ok / failed / late", columns, v -> requests(v.requests()));
        row(table, "requests unsent (harness offline)", columns, v -> Long.toString(v.requests().unsent()));
        row(table, "latency p50 (ms)", columns, v -> number(v.latencyMs().p50(), 3));
        row(table, "latency p90 (ms)", columns, v -> number(v.latencyMs().p90(), 3));
        row(table, "latency p99 (ms)", columns, v -> number(v.latencyMs().p99(), 3));
        row(table, "latency max (ms)", columns, v -> number(v.latencyMs().max(), 3));
        row(table, "throughput (/s)", columns, v -> number(v.throughputPerSec(), 2));
        row(table, "device peak memory (MiB)", columns, v -> mib(v.devicePeakMemoryBytes()));
        row(table, "device OOM kills", columns, v -> Long.toString(v.oomKills().device()));
        row(table, "component OOM kills", columns, v -> componentKills(v.oomKills()));
        // words, not marks: an emoji is two columns wide in a terminal and would break the alignment
        row(table, "thresholds", columns, v -> v.passed() ? "passed" : "FAILED");
        return table.render();
    }

    private static void row(MarkdownTable table, String label, List<VariantResult> columns,
                            Function<VariantResult, String> cell) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        columns.forEach(column -> cells.add(cell.apply(column)));
        table.row(cells);
    }

    private static String componentSection(String variantName, VariantResult variant) {
        StringBuilder out = new StringBuilder("\n### ").append(variantName).append("\n\n");
        if (variant.components().isEmpty()) {
            return out.append("_no components_\n").toString();
        }
        MarkdownTable table = new MarkdownTable("lrrllrr",
                List.of("component", "memory (MiB)", "cpus", "limits", "state", "restarts", "OOM kills"));
        variant.components().forEach((name, component) -> table.row(List.of(
                name,
                component.limits().memoryKb() == null ? "unlimited" : number(component.limits().memoryKb() / KIB_PER_MIB, 1),
                component.limits().cpus() == null ? "unlimited" : number(component.limits().cpus(), 2),
                component.enforced() ? "enforced" : "recorded only",
                component.state(),
                Long.toString(component.restarts()),
                Long.toString(variant.oomKills().component(name)))));
        return out.append(table.render()).toString();
    }

    private static String thresholdSection(String variantName, VariantResult variant) {
        StringBuilder out = new StringBuilder("\n### ").append(variantName).append("\n\n");
        if (variant.thresholds().isEmpty()) {
            return out.append("_no thresholds_\n").toString();
        }
        variant.thresholds().forEach(result -> out.append("- ").append(mark(result.passed()))
                .append(" `").append(result.expr()).append("`: actual ").append(actual(result)).append('\n'));
        return out.toString();
    }

    private static String actual(ThresholdResult result) {
        return result.actual() == null ? "none (no value for this run)" : result.unit().format(result.actual());
    }

    private static String requests(RequestCounts requests) {
        return requests.sent() + " / " + requests.ok() + " / " + requests.failed() + " / " + requests.late();
    }

    private static String componentKills(OomKills kills) {
        if (kills.components().isEmpty()) {
            return "0";
        }
        return kills.components().entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The applied value, with the requested one beside it when the twin did not get what was asked. */
    private static String applied(String applied, String requested) {
        return applied.equals(requested) ? applied : applied + " (requested " + requested + ")";
    }

    private static String count(Long value) {
        return value == null ? "unlimited" : value.toString();
    }

    private static String mib(long bytes) {
        return number(bytes / MIB, 1);
    }

    private static String number(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String verdictMark(Outcome verdict) {
        return switch (verdict) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case INVALID -> "⚠️";
        };
    }

    private static String mark(boolean passed) {
        return passed ? "✅" : "❌";
    }

    private static String took(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? duration.toMillis() / 1000.0 + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
