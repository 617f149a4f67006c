package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parses {@code <metric> <op> <number>[unit]}. Every refusal quotes the expression and lists what
 * would have been accepted at the point that went wrong.
 */
final class ThresholdParser {

    static final String GRAMMAR = "<metric> <op> <number>[unit] or <metric> <op> [<factor> *] [<variant>.]<metric>"
            + " [+|- <number>[unit]], e.g. 'latency.p99 < 50ms', 'latency.p99 < 0.5 * unlimited.latency.p99'";
    private static final String OPERATOR_CHARS = "<>=!";
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(.*)");

    private final String expr;
    private final String what;

    /** @param what how refusals name the expression: {@code threshold} or {@code tolerance} */
    ThresholdParser(String expr, String what) {
        this.expr = expr;
        this.what = what;
    }

    static Threshold parse(String expr) {
        if (expr == null || expr.isBlank()) {
            throw new ThresholdException("threshold '" + (expr == null ? "" : expr) + "': empty; expected " + GRAMMAR);
        }
        Optional<Confidence.Split> split = Confidence.split(expr);
        if (split.isEmpty()) {
            return new ThresholdParser(expr, "threshold").parse();
        }
        Threshold t = new ThresholdParser(split.get().threshold(), "threshold").parse();
        try {
            return new Threshold(expr, t.metric(), t.operator(), t.bound(), split.get().confidence());
        } catch (IllegalArgumentException e) {
            throw new ThresholdException(e.getMessage(), e);
        }
    }

    /** "latency.p50, ..., oomKills.component[NAME], ..." for error messages and docs. */
    static String knownMetrics() {
        return Stream.concat(
                        Arrays.stream(VariantMetric.values()).map(ThresholdParser::describe),
                        Stream.of(ComponentMetric.Kind.known()))
                .collect(Collectors.joining(", "));
    }

    private Threshold parse() {
        int opStart = operatorStart();
        int opEnd = opStart;
        while (opEnd < expr.length() && OPERATOR_CHARS.indexOf(expr.charAt(opEnd)) >= 0) {
            opEnd++;
        }
        Metric metric = measured(expr.substring(0, opStart).trim());
        Operator comparison = comparison(expr.substring(opStart, opEnd));
        String limit = expr.substring(opEnd).trim();
        if (ReferenceParser.isReference(limit)) {
            return new Threshold(expr, metric, comparison, new ReferenceParser(this, metric).parse(limit));
        }
        if (limit.toLowerCase(Locale.ROOT).endsWith(OfLimit.SUFFIX)) {
            limit = limit.substring(0, limit.length() - OfLimit.SUFFIX.length()).trim();
            if (!OfLimit.appliesTo(metric)) {
                throw refused("'" + OfLimit.SUFFIX + "' applies to memory.peak and memory.peak.component[NAME] only,"
                        + " not to " + metric.key());
            }
            metric = new OfLimit(metric);
        }
        return new Threshold(expr, metric, comparison, limit(metric, comparison, limit));
    }

    /** The first operator character outside a component name's brackets. */
    private int operatorStart() {
        int depth = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && OPERATOR_CHARS.indexOf(c) >= 0) {
                return i;
            }
        }
        throw refused("missing operator; expected " + GRAMMAR + " with one of " + Operator.known());
    }

    /** The left side: a metric, or {@code <workload>.<metric>} of one workload of several. */
    private Metric measured(String text) {
        try {
            return metric(text);
        } catch (ThresholdException e) {
            return WorkloadMetric.parse(text).orElseThrow(() -> e);
        }
    }

    Metric metric(String text) {
        if (text.isEmpty()) {
            throw refused("missing metric before the operator; expected one of " + knownMetrics());
        }
        Optional<VariantMetric> fixed = VariantMetric.byKey(text);
        if (fixed.isPresent()) {
            return fixed.get();
        }
        int infix = text.indexOf(ComponentMetric.INFIX);
        if (infix > 0 && text.endsWith("]")) {
            String prefix = text.substring(0, infix);
            String component = text.substring(infix + ComponentMetric.INFIX.length(), text.length() - 1).trim();
            ComponentMetric.Kind kind = ComponentMetric.Kind.byPrefix(prefix).orElseThrow(() ->
                    refused("unknown metric '" + text + "'; expected one of " + knownMetrics()));
            if (component.isEmpty()) {
                throw refused("metric '" + text + "' has no component name; expected " + prefix
                        + ComponentMetric.INFIX + "NAME]");
            }
            return new ComponentMetric(kind, component);
        }
        throw refused("unknown metric '" + text + "'; expected one of " + knownMetrics());
    }

    private Operator comparison(String symbol) {
        return Operator.bySymbol(symbol).orElseThrow(() ->
                refused("unknown operator '" + symbol + "'; expected one of " + Operator.known()));
    }

    private double limit(Metric metric, Operator comparison, String text) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(text);
        if (!matcher.matches()) {
            throw refused("expected a number after '" + comparison.symbol() + "', found "
                    + (text.isEmpty() ? "nothing" : "'" + text + "'"));
        }
        String unit = matcher.group(2).trim();
        BigDecimal factor = Units.factor(metric.unit(), unit).orElseThrow(() ->
                refused("unit '" + unit + "' does not apply to " + metric.key() + "; expected "
                        + Units.known(metric.unit())));
        double limit = new BigDecimal(matcher.group(1)).multiply(factor).doubleValue();
        if (metric.unit() == BaseUnit.FRACTION && limit > 1 && !(metric instanceof OfLimit)) {
            throw refused(metric.key() + " limit " + text + " is above 1 (100%); expected a fraction from 0 to 1"
                    + " or a percentage with '%', e.g. '" + metric.key() + " < 1%'");
        }
        return limit;
    }

    private static String describe(VariantMetric metric) {
        return metric == VariantMetric.TWIN_START
                ? metric.key() + " (or " + VariantMetric.TWIN_START_ALIAS + ")" : metric.key();
    }

    ThresholdException refused(String reason) {
        return new ThresholdException(what + " '" + expr + "': " + reason);
    }
}
