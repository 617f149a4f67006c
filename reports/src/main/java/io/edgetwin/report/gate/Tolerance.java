package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a metric may move from a baseline run before it counts as a regression:
 * {@code <metric> +<number>%} (may grow by that share: latencies, errors, memory),
 * {@code <metric> -<number>%} (may shrink by that share: throughput), or the same with the metric's
 * own unit instead of {@code %} ({@code latency.p99 +5ms}).
 *
 * @param expr     the expression as written
 * @param growth   true for {@code +} (higher is worse), false for {@code -} (lower is worse)
 * @param amount   the allowed change: a fraction of the baseline when {@code relative}, else in the
 *                 metric's base unit
 * @param relative whether {@code amount} is a share of the baseline value
 */
public record Tolerance(String expr, Metric metric, boolean growth, double amount, boolean relative) {

    private static final String GRAMMAR = "<metric> +<number>% or <metric> -<number>%, e.g. 'latency.p99 +10%'";
    private static final Pattern SHAPE = Pattern.compile("\\s*(\\S+?)\\s*([+-])\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(\\S*)\\s*");

    public Tolerance {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(amount) || amount < 0) {
            throw new IllegalArgumentException("tolerance '" + expr + "': amount is " + amount + "; expected >= 0");
        }
    }

    /** @throws ThresholdException quoting {@code expr}, saying what is wrong and what is accepted */
    public static Tolerance parse(String expr) {
        Matcher matcher = SHAPE.matcher(expr == null ? "" : expr);
        if (!matcher.matches()) {
            throw new ThresholdException("tolerance '" + expr + "': expected " + GRAMMAR);
        }
        ThresholdParser parser = new ThresholdParser(expr, "tolerance");
        Metric metric = parser.metric(matcher.group(1));
        boolean growth = matcher.group(2).equals("+");
        BigDecimal number = new BigDecimal(matcher.group(3));
        String unit = matcher.group(4);
        if (unit.equals("%")) {
            return new Tolerance(expr, metric, growth, number.movePointLeft(2).doubleValue(), true);
        }
        BigDecimal factor = Units.factor(metric.unit(), unit).orElseThrow(() -> new ThresholdException(
                "tolerance '" + expr + "': unit '" + unit + "' does not apply to " + metric.key() + "; expected % or "
                        + Units.known(metric.unit())));
        return new Tolerance(expr, metric, growth, number.multiply(factor).doubleValue(), false);
    }

    /** The worst value allowed given the baseline's value. */
    public double allowed(double baseline) {
        double change = relative ? baseline * amount : amount;
        return growth ? baseline + change : baseline - change;
    }

    /** Whether {@code actual} is within the tolerance of {@code baseline}. */
    public boolean holds(double actual, double baseline) {
        return growth ? actual <= allowed(baseline) : actual >= allowed(baseline);
    }

    public BaseUnit unit() {
        return metric.unit();
    }
}
