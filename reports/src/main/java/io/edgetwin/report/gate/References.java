package io.edgetwin.report.gate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks which runs a set of thresholds compares with, before anything runs: every named variant
 * must exist, a variant may not compare with itself by name, comparisons may not go round in a
 * circle (limited with unlimited and unlimited with limited: which one states the effect?), and
 * {@code baseline.} needs a baseline run.
 */
public final class References {

    private References() {
    }

    /**
     * One refused threshold.
     *
     * @param variant the variant whose thresholds hold it
     * @param index   its position in that variant's list
     */
    public record Problem(String variant, int index, String message) {
        public Problem {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param byVariant   each variant's thresholds, by variant name
     * @param variants    every variant of the run
     * @param hasBaseline whether a baseline run is there to be read ({@code edgetwin gate --baseline})
     * @return the problems, in variant then threshold order; empty when all references hold
     */
    public static List<Problem> problems(Map<String, List<Threshold>> byVariant, Set<String> variants,
                                         boolean hasBaseline) {
        List<Problem> problems = new ArrayList<>();
        byVariant.forEach((variant, thresholds) -> {
            for (int i = 0; i < thresholds.size(); i++) {
                String problem = problem(variant, thresholds.get(i), byVariant, variants, hasBaseline);
                if (problem != null) {
                    problems.add(new Problem(variant, i, "threshold '" + thresholds.get(i).expr() + "': " + problem));
                }
            }
        });
        return List.copyOf(problems);
    }

    private static String problem(String variant, Threshold threshold, Map<String, List<Threshold>> byVariant,
                                  Set<String> variants, boolean hasBaseline) {
        Source source = threshold.reference().map(Operand.Reference::source).orElse(null);
        if (source instanceof Source.BaselineRun && !hasBaseline) {
            return "'" + Source.BASELINE + ".' reads the baseline run, which only edgetwin gate --baseline OLD/report.json has;"
                    + " expected a variant's name" + (variants.isEmpty() ? "" : ", one of " + variants);
        }
        if (!(source instanceof Source.OtherVariant other)) {
            return null;
        }
        if (!variants.contains(other.name())) {
            return "unknown variant '" + other.name() + "'; expected one of " + variants;
        }
        if (other.name().equals(variant)) {
            return "compares variant '" + variant + "' with itself; expected another variant's name, or the metric"
                    + " without a prefix to read this variant";
        }
        if (reaches(other.name(), variant, byVariant)) {
            return "circular: '" + variant + "' compares with '" + other.name() + "', which compares back with '" + variant
                    + "'; expected each comparison stated once, on the variant it is about";
        }
        return null;
    }

    /** Whether {@code from}'s comparisons lead, directly or through other variants, to {@code to}. */
    private static boolean reaches(String from, String to, Map<String, List<Threshold>> byVariant) {
        Deque<String> pending = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            for (String next : comparedWith(byVariant.getOrDefault(current, List.of()))) {
                if (next.equals(to)) {
                    return true;
                }
                pending.push(next);
            }
        }
        return false;
    }

    private static Set<String> comparedWith(List<Threshold> thresholds) {
        Set<String> names = new LinkedHashSet<>();
        thresholds.forEach(threshold -> threshold.reference()
                .filter(reference -> reference.source() instanceof Source.OtherVariant)
                .ifPresent(reference -> names.add(((Source.OtherVariant) reference.source()).name())));
        return names;
    }
}
