package io.edgetwin.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's variants over its repeats ({@code edgetwin run --repeat N}) and the confidence of every
 * comparison between variants. With one repeat, {@code variants} spread over a single value and the
 * comparisons still come from that run's windows.
 *
 * @param count       how many times the variants ran
 * @param variants    per variant, in the scenario's order
 * @param comparisons each earlier variant against each later one, per metric
 */
public record Repeats(int count, Map<String, RepeatedVariant> variants, List<RatioInterval> comparisons) {

    public Repeats {
        Checks.positive("repeats.count", count);
        variants = Checks.orderedCopy("repeats.variants", variants);
        comparisons = List.copyOf(Objects.requireNonNull(comparisons, "repeats.comparisons"));
        variants.forEach((name, v) -> {
            if (v.runs().size() != count) {
                throw new IllegalArgumentException("repeats.variants." + name + " has " + v.runs().size()
                        + " runs; expected " + count);
            }
        });
    }
}
