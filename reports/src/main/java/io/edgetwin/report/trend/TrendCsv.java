package io.edgetwin.report.trend;

import java.math.BigDecimal;

/**
 * trend.csv: one row per run, variant and check (long format, so runs with different thresholds
 * line up and any spreadsheet can pivot it): {@code run,startedAt,scenario,verdict,variant,check,
 * actual,unit,passed,provenanceChange}. {@code passed} is empty for a plain metric, {@code actual}
 * when the run had no value, {@code provenanceChange} when nothing changed since the run before.
 */
public final class TrendCsv {

    static final String HEADER = "run,startedAt,scenario,verdict,variant,check,actual,unit,passed,provenanceChange";

    private TrendCsv() {
    }

    public static String render(Trend trend) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < trend.runs().size(); i++) {
            Trend.Run run = trend.runs().get(i);
            for (Trend.Series series : trend.series().values()) {
                if (!run.report().variants().containsKey(series.variant())) {
                    continue;
                }
                Double value = series.values().get(i);
                Boolean passed = series.passed().get(i);
                if (value == null && passed == null) {
                    continue;
                }
                out.append(cell(run.source())).append(',').append(run.report().startedAt()).append(',')
                        .append(cell(run.report().scenario())).append(',').append(run.report().verdict()).append(',')
                        .append(cell(series.variant())).append(',').append(cell(series.check())).append(',')
                        .append(value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString())
                        .append(',').append(cell(series.unit())).append(',').append(passed == null ? "" : passed)
                        .append(',').append(cell(String.join("; ", run.provenanceChanged()))).append('\n');
            }
        }
        return out.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
    static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
