package io.edgetwin.report.html;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.SeriesSources;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.headline.Headline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Renders report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched), so
 * it opens from a file:// URL offline and from a CI artifact. Reads top to bottom as: the verdict
 * with the failing thresholds in words, the variants side by side, latency over time and its
 * distribution, the series that could not be sampled (when any), memory and CPU per component against
 * their limits, throttling and thrashing, events, recovery from faults, fleet status, validity, and the
 * scenario as it ran.
 */
public final class ReportHtml {

    private static final String CSS = stylesheet();

    private ReportHtml() {
    }

    public static String render(Report report) {
        Map<String, VariantResult> variants = report.variants();
        StringBuilder out = new StringBuilder(256 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(report.scenario() + ": " + report.verdict())).append("</title><style>")
                .append(CSS).append("</style></head><body>\n");
        out.append(verdict(report));
        section(out, "variants", "Variants side by side", Tables.summary(variants, Headline.pairs(report)));
        if (io.edgetwin.report.PlacementRows.any(variants)) {
            section(out, "placement", "Edge or cloud", PlacementTable.render(variants));
        }
        if (io.edgetwin.report.SecurityRows.any(variants)) {
            section(out, "attacks", "Attacks", SecurityTable.render(variants));
        }
        if (report.repeats() != null) {
            section(out, "repeats", "Repeats and confidence", RepeatTables.render(report.repeats()));
        }
        String workloads = WorkloadSection.render(variants);
        if (!workloads.isEmpty()) {
            section(out, "workloads", "Workloads: each model on its own", workloads);
        }
        section(out, "latency", "Latency over time, and what the rest of the host used meanwhile",
                row(List.copyOf(LatencyCharts.overTime(variants))) + row(InterferenceCharts.perVariant(variants)));
        section(out, "distribution", "Latency percentile distribution", LatencyCharts.distribution(variants));
        if (variants.values().stream().anyMatch(v -> !v.missingSeries().isEmpty())) {
            section(out, "missing", "Series not sampled", perVariant(variants, (name, v) -> "<h3>" + Html.escape(name)
                    + "</h3>" + missing(v)));
        }
        section(out, "memory", "Memory per component", perComponent(variants, ResourceCharts::memory) + sources(variants));
        section(out, "cpu", "CPU per component", perComponent(variants, ResourceCharts::cpu));
        section(out, "throttling", "Throttled CPU periods", perVariant(variants, ResourceCharts::throttled));
        section(out, "thrash", "Thrashing (major page faults)", perVariant(variants,
                (name, v) -> ResourceCharts.thrashIndicator(v) + ResourceCharts.thrash(name, v)));
        section(out, "components", "Components", perVariant(variants, (name, v) -> "<h3>" + Html.escape(name)
                + "</h3>" + Tables.components(v) + LambdaTable.of(v)));
        section(out, "events", "Event timeline", perVariant(variants, (name, v) -> "<h3>" + Html.escape(name)
                + "</h3>" + Tables.events(v)));
        section(out, "recovery", "Recovery from faults", perVariant(variants, (name, v) -> "<h3>" + Html.escape(name)
                + "</h3>" + RecoveryTable.of(v)));
        section(out, "fleet", "Deployment and fleet status", perVariant(variants, (name, v) -> "<h3>"
                + Html.escape(name) + "</h3>" + Tables.fleet(v)));
        section(out, "validity", "Run validity", perVariant(variants, (name, v) -> validity(name, v)));
        section(out, "provenance", "Provenance", provenance(report));
        section(out, "scenario", "Scenario as it ran", "<pre>" + Html.escape(report.scenarioText()) + "</pre>");
        return out.append("</body></html>\n").toString();
    }

    private static String verdict(Report report) {
        String kind = report.verdict().name().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder("<header class=\"verdict ").append(kind).append("\" id=\"verdict\"><h1>")
                .append(Html.escape(report.scenario())).append(": ").append(report.verdict()).append("</h1>");
        List<String> reasons = new ArrayList<>();
        if (report.aborted() != null) {
            reasons.add("aborted: " + report.aborted() + "; the numbers below are what was measured until then");
        }
        report.variants().forEach((name, variant) -> {
            variant.validity().reasons().forEach(reason -> reasons.add(name + ": run invalid: " + reason));
            variant.thresholds().stream().filter(t -> !t.passed()).forEach(t -> reasons.add(failed(name, t)));
        });
        List<String> effects = Headline.sentences(report);
        if (!effects.isEmpty()) {
            out.append("<ul class=\"effects\">");
            effects.forEach(effect -> out.append("<li>").append(Html.escape(effect)).append("</li>"));
            out.append("</ul>");
        }
        if (!reasons.isEmpty()) {
            out.append("<ul class=\"failures\">");
            reasons.forEach(reason -> out.append("<li>").append(Html.escape(reason)).append("</li>"));
            out.append("</ul>");
        } else {
            out.append("<p>every threshold of every variant held</p>");
        }
        Duration took = Duration.between(report.startedAt(), report.finishedAt());
        return out.append("<p>started ").append(report.startedAt()).append(", took ").append(took.toSeconds())
                .append(" s, seed ").append(report.seed()).append(", variants run ").append(report.execution())
                .append(report.artifactBackend() == null ? "" : ", artifacts from " + Html.escape(report.artifactBackend()))
                .append("</p></header>\n").toString();
    }

    /** E.g. {@code limited: latency.p99 < 50ms failed: it was 61.25 ms}. */
    private static String failed(String variant, ThresholdResult threshold) {
        return variant + ": " + threshold.expr() + " failed: " + threshold.outcome();
    }

    private static String provenance(Report report) {
        if (report.provenance() == null) {
            return "<p class=\"note\">not recorded: this run's report was written before provenance was</p>";
        }
        StringBuilder out = new StringBuilder("<table>");
        report.provenance().rows().forEach(row -> out.append("<tr><th>").append(Html.escape(row[0])).append("</th><td>")
                .append(Html.escape(row[1])).append("</td></tr>"));
        return out.append("</table>").toString();
    }

    private static String validity(String name, VariantResult variant) {
        if (variant.validity().valid()) {
            return "<p><span class=\"badge ok\">valid</span> " + Html.escape(name) + ": enough answers for p99, long"
                    + " enough, load generator under 80 % of a core</p>";
        }
        StringBuilder out = new StringBuilder("<p><span class=\"badge bad\">INVALID</span> ").append(Html.escape(name))
                .append("</p><ul>");
        variant.validity().reasons().forEach(reason -> out.append("<li>").append(Html.escape(reason)).append("</li>"));
        return out.append("</ul>").toString();
    }

    /** Where each variant's resource figures came from (this host's cgroups, or the twins' cores); nothing when not recorded. */
    private static String sources(Map<String, VariantResult> variants) {
        StringBuilder out = new StringBuilder();
        variants.forEach((name, v) -> SeriesSources.lines(v).forEach(line -> out.append("<li>")
                .append(Html.escape(name + ": " + line)).append("</li>")));
        return out.isEmpty() ? "" : "<p class=\"note\">where the figures came from:</p><ul class=\"note\">" + out + "</ul>";
    }

    /** Each series (or column) that could not be sampled, and why: a short chart is never silent. */
    private static String missing(VariantResult variant) {
        if (variant.missingSeries().isEmpty()) {
            return "<p class=\"note\">every series sampled throughout</p>";
        }
        StringBuilder out = new StringBuilder("<ul>");
        variant.missingSeries().forEach(m -> out.append("<li>").append(m.cutOff() ? "<span class=\"badge bad\">cut off</span> "
                : "").append(Html.escape(m.describe())).append("</li>"));
        return out.append("</ul>").toString();
    }

    private static String perComponent(Map<String, VariantResult> variants,
                                       BiFunction<String, Map<String, VariantResult>, List<String>> charts) {
        List<String> components = ResourceCharts.components(variants);
        if (components.isEmpty()) {
            return "<p class=\"note\">no resource series recorded</p>";
        }
        StringBuilder out = new StringBuilder();
        components.forEach(component -> out.append(row(charts.apply(component, variants))));
        return out.toString();
    }

    private static String perVariant(Map<String, VariantResult> variants,
                                     BiFunction<String, VariantResult, String> cell) {
        List<String> cells = new ArrayList<>();
        variants.forEach((name, variant) -> cells.add(cell.apply(name, variant)));
        return row(cells);
    }

    private static String row(List<String> cells) {
        StringBuilder out = new StringBuilder("<div class=\"row\" style=\"--columns:").append(cells.size()).append("\">");
        cells.forEach(cell -> out.append("<div>").append(cell).append("</div>"));
        return out.append("</div>\n").toString();
    }

    private static void section(StringBuilder out, String id, String title, String body) {
        out.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(title)).append("</h2>")
                .append(body).append("</section>\n");
    }

    private static String stylesheet() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new ReportException("report.css is missing from the reports module's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("cannot read report.css from the reports module: " + e, e);
        }
    }
}
