package io.edgetwin.report.junit;

import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.BaselineResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders junit.xml, the format every CI server reads: one {@code <testsuite>} per variant, holding
 * a testcase for the run's validity, one per threshold and one per baseline tolerance. A failed case
 * carries the expectation and the actual value, both in its message and its body.
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
        for (ThresholdResult threshold : variant.thresholds()) {
            cases.add(new Case("threshold: " + threshold.expr(), threshold.passed(), "threshold",
                    "expected " + threshold.expr() + "; actual " + threshold.unit().format(threshold.actual()),
                    "expected: " + threshold.expr() + "\nactual:   " + threshold.unit().format(threshold.actual())));
        }
        baseline.stream().filter(result -> result.variant().equals(variantName)).forEach(result ->
                cases.add(new Case("baseline: " + result.expr(), result.passed(), "regression",
                        "regression " + result.describe(),
                        "expected: " + result.expr() + " of the baseline, at most "
                                + result.unit().format(result.allowed()) + "\nbaseline: "
                                + result.unit().format(result.baseline()) + "\nactual:   "
                                + result.unit().format(result.actual()))));
        return new Suite(suiteName, cases, Map.of());
    }

    private static Case validity(VariantResult variant) {
        String reasons = String.join("; ", variant.validity().reasons());
        return new Case("validity", variant.validity().valid(), "invalid-run", "run invalid: " + reasons,
                "expected: a valid run\nactual:   " + String.join("\n          ", variant.validity().reasons()));
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

    /** One testcase; {@code message} and {@code body} are used only when it failed. */
    private record Case(String name, boolean passed, String type, String message, String body) {
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
            for (Case c : cases) {
                out.append("    <testcase classname=\"").append(escape(name)).append("\" name=\"")
                        .append(escape(c.name())).append('"');
                if (c.passed()) {
                    out.append("/>\n");
                } else {
                    out.append(">\n      <failure type=\"").append(c.type()).append("\" message=\"")
                            .append(escape(c.message())).append("\">").append(escape(c.body()).replace("&#10;", "\n"))
                            .append("</failure>\n    </testcase>\n");
                }
            }
            out.append("  </testsuite>\n");
        }
    }
}
