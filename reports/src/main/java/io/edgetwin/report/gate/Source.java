package io.edgetwin.report.gate;

import java.util.Objects;

/**
 * Whose metric the right side of a comparison threshold reads: the variant the threshold is checked
 * against ({@link Own}, written {@code latency.p50}), another variant of the same run
 * ({@link OtherVariant}, {@code unlimited.latency.p99}) or the same variant in the baseline run of
 * {@code edgetwin gate --baseline} ({@link BaselineRun}, {@code baseline.latency.p99}).
 */
public sealed interface Source {

    /** The word that names the baseline run; a variant of that name cannot be compared with. */
    String BASELINE = "baseline";

    /** How the source is written before the metric: {@code ""}, {@code "unlimited."}, {@code "baseline."}. */
    String prefix();

    /** The variant the threshold is checked against. */
    record Own() implements Source {
        @Override
        public String prefix() {
            return "";
        }
    }

    /** Another variant of the same run, by its name. */
    record OtherVariant(String name) implements Source {
        public OtherVariant {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.equals(BASELINE)) {
                throw new IllegalArgumentException("variant name is '" + name + "'; expected a variant's name other than '"
                        + BASELINE + "'");
            }
        }

        @Override
        public String prefix() {
            return name + ".";
        }
    }

    /** The same variant in the baseline run. */
    record BaselineRun() implements Source {
        @Override
        public String prefix() {
            return BASELINE + ".";
        }
    }
}
