package io.edgetwin.report.gate;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the right side of a comparison threshold: {@code [<factor> *] [<source>.]<metric> [* <factor>]
 * [+|- <number>[unit]]}, where the source is a variant's name or {@code baseline}. A metric and its
 * reference must share a unit; a metric compared with itself says nothing and is refused. A workload's
 * metric ({@code defect.latency.p99}) compared with {@code unlimited.latency.p99} reads unlimited's same
 * workload; {@code unlimited.anomaly.latency.p99} names another one.
 */
final class ReferenceParser {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final Pattern FACTOR_FIRST = Pattern.compile(NUMBER + "\\s*\\*\\s*(.*)");
    private static final Pattern REST = Pattern.compile("\\s*(?:\\*\\s*" + NUMBER + ")?\\s*(?:([+-])\\s*" + NUMBER
            + "\\s*(\\S*))?\\s*");

    private final ThresholdParser parser;
    private final Metric metric;

    ReferenceParser(ThresholdParser parser, Metric metric) {
        this.parser = parser;
        this.metric = metric;
    }

    /** Whether the bound names a measurement rather than a number: it starts with a letter, after any {@code N *}. */
    static boolean isReference(String bound) {
        Matcher factorFirst = FACTOR_FIRST.matcher(bound);
        String rest = factorFirst.matches() ? factorFirst.group(2) : bound;
        return !rest.isEmpty() && Character.isLetter(rest.charAt(0));
    }

    Operand.Reference parse(String bound) {
        Matcher factorFirst = FACTOR_FIRST.matcher(bound);
        BigDecimal factor = factorFirst.matches() ? new BigDecimal(factorFirst.group(1)) : BigDecimal.ONE;
        String rest = factorFirst.matches() ? factorFirst.group(2) : bound;
        int end = referenceEnd(rest);
        Operand.Reference named = named(rest.substring(0, end));
        Matcher tail = REST.matcher(rest.substring(end));
        if (!tail.matches()) {
            throw parser.refused("cannot read '" + rest.substring(end).trim() + "' after " + named.describe()
                    + "; expected [* <factor>] [+|- <number>[unit]], e.g. '0.5 * unlimited.latency.p99 + 2ms'");
        }
        if (tail.group(1) != null) {
            if (factorFirst.matches()) {
                throw parser.refused("two factors; expected one, e.g. '0.5 * " + named.describe() + "'");
            }
            factor = new BigDecimal(tail.group(1));
        }
        if (factor.signum() == 0) {
            throw parser.refused("factor 0 makes the bound 0 whatever was measured; expected a factor > 0");
        }
        double offset = tail.group(2) == null ? 0 : offset(tail.group(2), tail.group(3), tail.group(4));
        return new Operand.Reference(named.source(), named.metric(), factor.doubleValue(), offset);
    }

    /** Where the reference ends: at the first space, '*', or a '+' / '-' before a number, outside brackets. */
    private static int referenceEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (Character.isWhitespace(c) || c == '*'
                    || (c == '+' || c == '-') && startsNumber(text, i + 1))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean startsNumber(String text, int from) {
        String rest = text.substring(from).stripLeading();
        return !rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '.');
    }

    private Operand.Reference named(String text) {
        Source source = new Source.Own();
        String metricText = text;
        if (!isMetric(text)) {
            int dot = text.indexOf('.');
            if (dot <= 0) {
                throw parser.refused("expected a number or [<variant>.]<metric> after the operator, found '" + text + "'");
            }
            String name = text.substring(0, dot);
            source = name.equals(Source.BASELINE) ? new Source.BaselineRun() : new Source.OtherVariant(name);
            metricText = text.substring(dot + 1);
        }
        Metric other = sameWorkload(referenced(metricText));
        if (other.unit() != metric.unit()) {
            throw parser.refused(metric.key() + " is in " + metric.unit() + " but " + source.prefix() + other.key()
                    + " is in " + other.unit() + "; expected a metric of the same unit on both sides");
        }
        if (source instanceof Source.Own && other.equals(metric)) {
            throw parser.refused("compares " + metric.key() + " with itself; expected another variant's metric, e.g. "
                    + "'unlimited." + metric.key() + "', or another metric of this variant");
        }
        return new Operand.Reference(source, other, 1, 0);
    }

    /** A metric, or another variant's {@code <workload>.<metric>}. */
    private Metric referenced(String text) {
        try {
            return parser.metric(text);
        } catch (ThresholdException e) {
            return WorkloadMetric.parse(text).orElseThrow(() -> e);
        }
    }

    /** A workload's metric compared with a metric that names no workload reads the same workload's. */
    private Metric sameWorkload(Metric other) {
        if (metric instanceof WorkloadMetric workload && other instanceof VariantMetric plain
                && WorkloadMetric.PER_WORKLOAD.contains(plain)) {
            return workload.with(plain);
        }
        return other;
    }

    private boolean isMetric(String text) {
        try {
            parser.metric(text);
            return true;
        } catch (ThresholdException e) {
            return false;
        }
    }

    private double offset(String sign, String number, String unit) {
        BigDecimal scale = Units.factor(metric.unit(), unit).orElseThrow(() -> parser.refused("unit '" + unit
                + "' does not apply to " + metric.key() + "; expected " + Units.known(metric.unit())));
        double amount = new BigDecimal(number).multiply(scale).doubleValue();
        return sign.equals("-") ? -amount : amount;
    }
}
