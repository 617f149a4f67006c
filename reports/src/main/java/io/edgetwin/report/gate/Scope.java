package io.edgetwin.report.gate;

import io.edgetwin.report.Report;
import io.edgetwin.report.VariantResult;
import java.util.Map;
import java.util.Objects;

/**
 * What a threshold of one variant can read: that variant, the run's other variants, and the same
 * variant in a baseline run when there is one.
 *
 * @param variant  the name of the variant the thresholds are checked against
 * @param variants every variant of the run, by name; holds {@code variant}
 * @param baseline the baseline run of {@code edgetwin gate --baseline}; {@code null} without one
 */
public record Scope(String variant, Map<String, VariantResult> variants, Report baseline) {

    public Scope {
        Objects.requireNonNull(variant, "variant");
        variants = Map.copyOf(Objects.requireNonNull(variants, "variants"));
        if (!variants.containsKey(variant)) {
            throw new IllegalArgumentException("variant '" + variant + "' is not among " + variants.keySet());
        }
    }

    /** A variant on its own: thresholds may compare only with its own metrics. */
    public static Scope alone(String variant, VariantResult result) {
        return new Scope(variant, Map.of(variant, result), null);
    }

    /** The variant the thresholds are checked against. */
    public VariantResult own() {
        return variants.get(variant);
    }

    /**
     * The variant {@code source} names.
     *
     * @throws ThresholdException when it names a variant the run lacks, or the baseline run without one or
     *                            with that variant measured only in part
     */
    public VariantResult resolve(Source source) {
        if (source instanceof Source.OtherVariant other) {
            VariantResult found = variants.get(other.name());
            if (found == null) {
                throw new ThresholdException("no variant '" + other.name() + "' to compare with; expected one of "
                        + variants.keySet());
            }
            return found;
        }
        if (source instanceof Source.BaselineRun) {
            if (baseline == null) {
                throw new ThresholdException("'" + Source.BASELINE + ".' needs a baseline run; expected edgetwin gate"
                        + " --baseline OLD/report.json");
            }
            VariantResult found = baseline.variants().get(variant);
            if (found == null) {
                throw new ThresholdException("the baseline run has no variant '" + variant + "'; it has "
                        + baseline.variants().keySet());
            }
            if (found.partial() != null) {
                throw new ThresholdException("the baseline's variant '" + variant + "' was measured only in part ("
                        + found.partial() + "); expected a baseline run that finished");
            }
            return found;
        }
        return own();
    }

    /** How a result names the source: the variant's name, or {@code baseline}. */
    public String nameOf(Source source) {
        if (source instanceof Source.OtherVariant other) {
            return other.name();
        }
        return source instanceof Source.BaselineRun ? Source.BASELINE : variant;
    }
}
