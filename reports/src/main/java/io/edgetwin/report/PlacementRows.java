package io.edgetwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The placements side by side, one row per measure and a column per variant, as report.md and
 * report.html both show them (docs/report.md, "Edge or cloud"). Left out when no variant measured
 * its placement.
 */
public final class PlacementRows {

    /** One measure: its label and how a placement shows it. */
    public record Row(String label, Function<PlacementResult, String> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("inference", p -> p.inference() + (p.link() == null ? "" : " over " + p.link())),
            new Row("latency split: network / queue / inference (mean ms)", p -> number(p.latencySplitMs().networkMs(), 2)
                    + " / " + number(p.latencySplitMs().queueMs(), 2) + " / " + number(p.latencySplitMs().inferenceMs(), 2)),
            new Row("bytes upstream per inference", p -> number(p.bytesUpstreamPerInference(), 0)),
            new Row("bytes upstream per device-day", p -> bytes(p.bytesUpstreamPerDeviceDay())),
            new Row("answered during WAN outage", p -> p.outage() == null ? "no outage"
                    : p.outage().answered() + " of " + p.outage().due() + " (" + number(p.outage().share() * 100, 1) + " %)"),
            new Row("device CPU (cores, mean per twin)", p -> number(p.deviceCpuCores(), 3)),
            new Row("device peak memory", p -> bytes(p.deviceMemoryPeakBytes())));

    private PlacementRows() {
    }

    public static List<Row> rows() {
        return ROWS;
    }

    /** Whether any variant measured its placement. */
    public static boolean any(Map<String, VariantResult> variants) {
        return variants.values().stream().anyMatch(v -> v.placement() != null);
    }

    /** report.md's section, or nothing when no variant measured its placement. */
    static String section(Map<String, VariantResult> variants) {
        if (!any(variants)) {
            return "";
        }
        List<String> header = new ArrayList<>(List.of("measure"));
        header.addAll(variants.keySet());
        MarkdownTable table = new MarkdownTable("l" + "r".repeat(variants.size()), header);
        for (Row row : ROWS) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            variants.values().forEach(v -> cells.add(v.placement() == null ? "–" : row.value().apply(v.placement())));
            table.row(cells);
        }
        return "## Edge or cloud\n\n" + table.render() + "\n";
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String bytes(double value) {
        if (value >= 1024 * 1024) {
            return number(value / (1024 * 1024), 1) + " MiB";
        }
        return value >= 1024 ? number(value / 1024, 1) + " KiB" : number(value, 0) + " B";
    }
}
