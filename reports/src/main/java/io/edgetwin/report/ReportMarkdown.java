package io.edgetwin.report;

import io.edgetwin.report.headline.Change;
import io.edgetwin.report.headline.Headline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Renders a report as Markdown for a pull-request comment (report.md): the verdict, one table with
 * a column per variant, why a run is invalid when it is, the series that could not be sampled, how the
 * fleet recovered from faults, the component limits per variant and the thresholds. Plain enough to read
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
        if (report.aborted() != null) {
            out.append("⏹️ Aborted: ").append(report.aborted()).append("; the numbers are what was measured until then.\n\n");
        }
        Headline.sentences(report).forEach(effect -> out.append("**").append(effect).append("**\n\n"));
        out.append(variantTable(report.variants(), Headline.pairs(report))).append('\n');
        report.variants().forEach((name, variant) -> variant.validity().reasons().forEach(reason ->
                out.append("- ⚠️ ").append(name).append(" run invalid: ").append(reason).append('\n')));
        out.append(WorkloadMarkdown.section(report.variants()));
        out.append(missingSection(report.variants()));
        out.append(SeriesSources.markdown(report.variants()));
        out.append(RepeatsMarkdown.render(report));
        out.append(PlacementRows.section(report.variants()));
        out.append(SecurityRows.section(report.variants()));
        out.append(RecoveryMarkdown.section(report.variants()));
        out.append("## Component limits\n");
        report.variants().forEach((name, variant) -> out.append(componentSection(name, variant)));
        out.append("\n## Thresholds\n");
        report.variants().forEach((name, variant) -> out.append(thresholdSection(name, variant)));
        out.append("\n## Provenance\n\n").append(provenance(report.provenance()));
        return out.toString();
    }

    /** A column per variant, then one per compared pair: ratios of measures, differences of counts. */
    private static String variantTable(Map<String, VariantResult> variants, List<String[]> pairs) {
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(variants.keySet());
        pairs.forEach(pair -> header.add(pair[0] + " vs " + pair[1]));
        MarkdownTable table = new MarkdownTable("l" + "r".repeat(variants.size() + pairs.size()), header);
        List<Column> columns = new ArrayList<>();
        variants.values().forEach(v -> columns.add(new Column(v, null)));
        pairs.forEach(pair -> columns.add(new Column(variants.get(pair[0]), variants.get(pair[1]))));
        row(table, "run", columns, v -> v.partial() != null ? "PARTIAL" : v.validity().valid() ? "valid" : "INVALID", null);
        row(table, "memory cap (MiB)", columns, v -> applied(mib(v.device().memoryBytes()), mib(v.requested().memoryBytes())), null);
        row(table, "cpus", columns, v -> applied(number(v.device().cpus(), 2), number(v.requested().cpus(), 2)), null);
        row(table, "pids", columns, v -> applied(count(v.device().pids()), count(v.requested().pids())), null);
        row(table, "twin start (ms)", columns, v -> Long.toString(v.twinStartMs()), ratio(v -> v.twinStartMs()));
        row(table, "requests sent / ok / failed / late", columns, v -> requests(v.requests()), null);
        row(table, "requests unsent (harness offline)", columns, v -> Long.toString(v.requests().unsent()),
                difference(v -> v.requests().unsent()));
        row(table, "latency p50 (ms)", columns, v -> number(v.latencyMs().p50(), 3), ratio(v -> v.latencyMs().p50()));
        row(table, "latency p90 (ms)", columns, v -> number(v.latencyMs().p90(), 3), ratio(v -> v.latencyMs().p90()));
        row(table, "latency p99 (ms)", columns, v -> number(v.latencyMs().p99(), 3), ratio(v -> v.latencyMs().p99()));
        row(table, "latency max (ms)", columns, v -> number(v.latencyMs().max(), 3), ratio(v -> v.latencyMs().max()));
        if (variants.values().stream().anyMatch(v -> v.correct() != null)) {
            row(table, "correct answers (accuracy)", columns, ReportMarkdown::correct, difference(v -> v.accuracy() * 100));
        }
        row(table, "throughput (/s)", columns, v -> number(v.throughputPerSec(), 2), ratio(VariantResult::throughputPerSec));
        row(table, "device peak memory (MiB)", columns, v -> mib(v.devicePeakMemoryBytes()),
                ratio(VariantResult::devicePeakMemoryBytes));
        row(table, "device OOM kills", columns, v -> Long.toString(v.oomKills().device()), difference(v -> v.oomKills().device()));
        row(table, "component OOM kills", columns, v -> componentKills(v.oomKills()),
                difference(v -> v.oomKills().components().values().stream().mapToLong(Long::longValue).sum()));
        // words, not marks: an emoji is two columns wide in a terminal and would break the alignment
        row(table, "thresholds", columns, v -> v.passed() ? "passed" : "FAILED", null);
        return table.render();
    }

    /** {@code 970 (98.0 %)}: correct answers and their share of the successful ones; {@code –} when not counted. */
    private static String correct(VariantResult v) {
        return v.correct() == null ? "–" : v.correct() + (v.requests().ok() == 0 ? "" : " (" + number(v.accuracy() * 100, 1) + " %)");
    }

    /** A variant's column, or a compared pair's ({@code against} not null). */
    private record Column(VariantResult variant, VariantResult against) {
    }

    private static void row(MarkdownTable table, String label, List<Column> columns, Function<VariantResult, String> cell,
                            BiFunction<VariantResult, VariantResult, String> compare) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        columns.forEach(column -> cells.add(column.against() == null ? cell.apply(column.variant())
                : compare == null ? "" : compare.apply(column.variant(), column.against())));
        table.row(cells);
    }

    /** Every series that could not be sampled, per variant; nothing when all were. */
    private static String missingSection(Map<String, VariantResult> variants) {
        StringBuilder out = new StringBuilder();
        variants.forEach((name, variant) -> variant.missingSeries().forEach(m -> out.append("- ⚠️ ").append(name)
                .append(m.cutOff() ? " (cut off)" : "").append(": ").append(m.describe()).append('\n')));
        return out.isEmpty() ? "" : "\n## Series not sampled\n\n" + out + "\n";
    }

    private static BiFunction<VariantResult, VariantResult, String> ratio(ToDoubleFunction<VariantResult> figure) {
        return (v, against) -> new Change("", figure.applyAsDouble(v), figure.applyAsDouble(against), "", false).cell();
    }

    private static BiFunction<VariantResult, VariantResult, String> difference(ToDoubleFunction<VariantResult> figure) {
        return (v, against) -> new Change("", figure.applyAsDouble(v), figure.applyAsDouble(against), "", true).cell();
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
                component.memoryLimitCell(kb -> number(kb / KIB_PER_MIB, 1)),
                component.limits().cpus() == null ? "unlimited" : number(component.limits().cpus(), 2),
                component.enforced() ? "enforced" : "recorded only",
                component.state(),
                Long.toString(component.restarts()),
                Long.toString(variant.oomKills().component(name)))));
        out.append(table.render());
        List<List<String>> functions = LambdaRows.of(variant);
        if (!functions.isEmpty()) {
            MarkdownTable lambdas = new MarkdownTable("ll" + "r".repeat(LambdaRows.HEADER.size() - 2), LambdaRows.HEADER);
            functions.forEach(lambdas::row);
            out.append("\nLambda functions:\n\n").append(lambdas.render());
        }
        return out.toString();
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

    private static String provenance(Provenance provenance) {
        if (provenance == null) {
            return "_not recorded_\n";
        }
        MarkdownTable table = new MarkdownTable("ll", List.of("", "ran on"));
        provenance.rows().forEach(row -> table.row(List.of(row[0], row[1])));
        return table.render();
    }

    private static String actual(ThresholdResult result) {
        String actual = result.actual() == null ? "none (no value for this run)" : result.unit().format(result.actual());
        if (result.comparison() == null) {
            return actual;
        }
        return actual + ", bound " + (result.comparison().limit() == null ? "none" : result.unit().format(result.comparison().limit()))
                + " from " + result.comparison().against() + "'s " + result.comparison().metric() + " ("
                + (result.comparison().value() == null ? "no value" : result.unit().format(result.comparison().value())) + ")"
                + (result.ratioCheck() == null ? "" : "; " + result.ratioCheck().sentence());
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
            case ABORTED -> "⏹️";
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
