package io.edgetwin.report.junit;

import java.math.BigDecimal;
import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.BaselineResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders junit.xml, the format every CI server reads: one {@code <testsuite>} per variant, holding
 * a testcase for the run's validity, one per threshold and one per baseline tolerance. Every threshold
 * and tolerance case carries its measured value as properties ({@code actual}, {@code unit}) and, for
 * time metrics, as its {@code time} in seconds; a failed case also carries the expectation and the
 * actual value in its message and body.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /** The report's own checks: validity and thresholds. */
    public static String render(Report report) {
        return render(report, List.of());
    }

    /** The report's checks plus a comparison with a baseline run. */
    public static String render(Report report, List<BaselineResult> baseline) {
        List<Suite> suites = new ArrayList<>();
        report.variants().forEach((name, variant) ->
                suites.add(suite(report.scenario() + "." + name, name, variant, baseline)
                        .withProperties(RepeatProperties.of(report, name))));
        int tests = suites.stream().mapToInt(suite -> suite.cases().size()).sum();
        long failures = suites.stream().mapToLong(Suite::failures).sum();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"").append(escape("edgetwin " + report.scenario())).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
        suites.forEach(suite -> suite.write(out, report));
        return out.append("</testsuites>\n").toString();
    }

    private static Suite suite(String suiteName, String variantName, VariantResult variant,
                               List<BaselineResult> baseline) {
        List<Case> cases = new ArrayList<>();
        cases.add(validity(variant));
        variant.workloads().forEach((name, workload) -> cases.add(workloadValidity(name, workload)));
        for (ThresholdResult threshold : variant.thresholds()) {
            String actual = threshold.unit().format(threshold.actual());
            cases.add(new Case("threshold: " + threshold.expr(), threshold.passed(), "threshold",
                    "expected " + threshold.expr() + "; actual " + actual + bound(threshold).replace("\nbound:   ", ";"),
                    "expected: " + threshold.expr() + "\nactual:   " + actual + bound(threshold),
                    seconds(threshold.actual(), threshold.unit()), threshold.actual(), threshold.unit().toString()));
        }
        baseline.stream().filter(result -> result.variant().equals(variantName)).forEach(result ->
                cases.add(new Case("baseline: " + result.expr(), result.passed(), "regression",
                        "regression " + result.describe(),
                        "expected: " + result.expr() + " of the baseline, at most "
                                + result.unit().format(result.allowed()) + "\nbaseline: "
                                + result.unit().format(result.baseline()) + "\nactual:   "
                                + result.unit().format(result.actual()),
                        seconds(result.actual(), result.unit()), result.actual(), result.unit().toString())));
        return new Suite(suiteName, cases, Map.of());
    }

    private static String bound(ThresholdResult threshold) {
        return threshold.comparison() == null ? "" : "\nbound:    " + threshold.unit().format(threshold.comparison().limit())
                + " (" + threshold.comparison().against() + "'s " + threshold.comparison().metric() + ": "
                + threshold.unit().format(threshold.comparison().value()) + ")";
    }

    /**
     * A testcase's {@code time}: a time metric's value in seconds, so CI trend charts plot latency
     * per run; 0 for the others (their value is in the testcase's {@code actual} property).
     */
    private static double seconds(Double actual, BaseUnit unit) {
        return actual != null && unit == BaseUnit.MILLISECONDS ? actual / 1000.0 : 0;
    }

    private static Case validity(VariantResult variant) {
        String reasons = String.join("; ", variant.validity().reasons());
        return new Case("validity", variant.validity().valid(), "invalid-run", "run invalid: " + reasons,
                "expected: a valid run\nactual:   " + String.join("\n          ", variant.validity().reasons()),
                0, null, null);
    }

    /** {@code validity: defect}: whether one workload of several had enough answers of its own. */
    private static Case workloadValidity(String name, io.edgetwin.report.WorkloadResult workload) {
        return new Case("validity: " + name, workload.validity().valid(), "invalid-run", "workload " + name
                + " invalid: " + String.join("; ", workload.validity().reasons()), "expected: a valid run of workload "
                + name + "\nactual:   " + String.join("\n          ", workload.validity().reasons()), 0, null, null);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * One testcase; {@code message} and {@code body} are used only when it failed.
     *
     * @param actual the measured value, written as a property for passes and failures alike; null when none
     */
    private record Case(String name, boolean passed, String type, String message, String body, double time,
                        Double actual, String unit) {

        void write(StringBuilder out, String suite) {
            out.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"")
                    .append(escape(name)).append("\" time=\"").append(String.format(Locale.ROOT, "%.6f", time)).append("\">\n");
            if (unit != null) {
                out.append("      <properties><property name=\"actual\" value=\"")
                        .append(actual == null ? "" : BigDecimal.valueOf(actual).stripTrailingZeros().toPlainString())
                        .append("\"/><property name=\"unit\" value=\"").append(escape(unit)).append("\"/></properties>\n");
            }
            if (!passed) {
                out.append("      <failure type=\"").append(type).append("\" message=\"")
                        .append(escape(message)).append("\">").append(escape(body).replace("&#10;", "\n"))
                        .append("</failure>\n");
            }
            out.append("    </testcase>\n");
        }
    }

    private record Suite(String name, List<Case> cases, Map<String, String> properties) {

        Suite withProperties(Map<String, String> added) {
            return new Suite(name, cases, added);
        }

        long failures() {
            return cases.stream().filter(c -> !c.passed()).count();
        }

        void write(StringBuilder out, Report report) {
            out.append("  <testsuite name=\"").append(escape(name)).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(failures()).append("\" errors=\"0\" skipped=\"0\" timestamp=\"")
                    .append(report.startedAt()).append("\">\n");
            if (!properties.isEmpty()) {
                out.append("    <properties>\n");
                properties.forEach((key, value) -> out.append("      <property name=\"").append(escape(key))
                        .append("\" value=\"").append(escape(value)).append("\"/>\n"));
                out.append("    </properties>\n");
            }
            cases.forEach(c -> c.write(out, name));
            out.append("  </testsuite>\n");
        }
    }
}
