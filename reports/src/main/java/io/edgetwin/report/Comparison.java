package io.edgetwin.report;

/**
 * The other side of a comparison threshold ({@code latency.p99 < 0.5 * unlimited.latency.p99}) as it
 * was checked: whose metric, its value, and the bound it gave after the factor and offset. The
 * threshold's own {@code actual} is this side's value, so a result carries both.
 *
 * @param against the variant whose metric was read, or {@code baseline} for the baseline run
 * @param metric  the metric read there, e.g. {@code latency.p99}
 * @param value   its value in the threshold's unit; {@code null} when it had none (the threshold fails)
 * @param limit   the bound the threshold compared with ({@code factor * value + offset}); {@code null}
 *                exactly when {@code value} is
 */
public record Comparison(String against, String metric, Double value, Double limit) {

    public Comparison {
        Checks.name("comparison.against", against);
        Checks.name("comparison.metric", metric);
        if ((value == null) != (limit == null)) {
            throw new IllegalArgumentException("comparison.limit is " + limit + " with value " + value
                    + "; expected both or neither");
        }
        requireFinite("comparison.value", value);
        requireFinite("comparison.limit", limit);
    }

    /** actual / value, e.g. 0.24 when this variant's p99 was a quarter of the other's; null without both. */
    public Double ratio(Double actual) {
        return actual == null || value == null || value == 0 ? null : actual / value;
    }

    private static void requireFinite(String field, Double number) {
        if (number != null && !Double.isFinite(number)) {
            throw new IllegalArgumentException(field + " is " + number + "; expected a finite number or null");
        }
    }
}
