package io.edgetwin.report;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one scenario run: the root of report.json. Build it with {@link #of}, which derives
 * the verdict; the canonical constructor (used when reading a file) rejects a verdict that
 * disagrees with the variants.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}; bumped when a field is renamed or removed
 * @param verdict       FAIL exactly when some variant did not pass
 * @param variants      per variant name, in the order the scenario declared them
 */
public record Report(String scenario, int schemaVersion, Instant startedAt, Instant finishedAt,
                     Outcome verdict, Map<String, VariantResult> variants) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        Checks.name("scenario", scenario);
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion is " + schemaVersion + "; expected " + SCHEMA_VERSION);
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
        Objects.requireNonNull(verdict, "verdict");
        variants = Checks.orderedCopy("variants", variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants is empty; expected at least one variant");
        }
        Outcome derived = verdictOf(variants);
        if (verdict != derived) {
            throw new IllegalArgumentException("verdict is " + verdict + "; expected " + derived
                    + " (FAIL exactly when some variant did not pass)");
        }
    }

    /** A report whose verdict is derived from its variants. */
    public static Report of(String scenario, Instant startedAt, Instant finishedAt,
                            Map<String, VariantResult> variants) {
        return new Report(scenario, SCHEMA_VERSION, startedAt, finishedAt, verdictOf(variants), variants);
    }

    public boolean passed() {
        return verdict == Outcome.PASS;
    }

    private static Outcome verdictOf(Map<String, VariantResult> variants) {
        return variants.values().stream().allMatch(VariantResult::passed) ? Outcome.PASS : Outcome.FAIL;
    }
}
