package io.edgetwin.report.headline;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one variant shows against another, in one sentence:
 * {@code limited vs unlimited: p99 4.2× lower (49.5 → 11.8 ms), p50 2.8× lower (14.0 → 5.0 ms), errors 0 vs 0, ...}.
 *
 * @param variant the variant the effect is about (e.g. {@code limited})
 * @param against the variant it is compared with (e.g. {@code unlimited})
 * @param changes the figures compared, in sentence order
 */
public record Effect(String variant, String against, List<Change> changes) {

    public Effect {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(against, "against");
        changes = List.copyOf(changes);
    }

    public String sentence() {
        return variant + " vs " + against + ": " + changes.stream().map(Change::words).collect(Collectors.joining(", "));
    }
}
