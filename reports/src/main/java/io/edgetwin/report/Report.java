package io.edgetwin.report;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one scenario run: the root of report.json. Build it with {@link #of}, which derives
 * the verdict; the canonical constructor (used when reading a file) rejects a verdict that
 * disagrees with the variants.
 *
 * @param schemaVersion   always {@link #SCHEMA_VERSION}; bumped when a field is renamed or removed
 * @param verdict         INVALID when some variant's run is invalid, else FAIL when some variant did
 *                        not pass, else PASS
 * @param seed            the seed the scenario's randomness came from
 * @param execution       how the variants shared the host
 * @param scenarioText    the scenario file as it ran
 * @param artifactBackend where deployment artifacts were served from ({@code s3proxy},
 *                        {@code localstack}); {@code null} when the run used none
 * @param variants        per variant name, in the order the scenario declared them
 * @param provenance      what the run ran on; {@code null} when not recorded
 * @param aborted         why the run stopped before its end (e.g. interrupted by Ctrl-C); {@code null} for
 *                        a run that finished. An aborted report holds what was measured so far and its
 *                        verdict is {@link Outcome#ABORTED}
 * @param repeats         the variants over every repeat and the confidence of their comparisons;
 *                        {@code null} when not computed
 */
public record Report(String scenario, int schemaVersion, Instant startedAt, Instant finishedAt,
                     Outcome verdict, long seed, Execution execution, String scenarioText,
                     String artifactBackend, Map<String, VariantResult> variants, Provenance provenance,
                     String aborted, Repeats repeats) {

    public static final int SCHEMA_VERSION = 2;

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
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(scenarioText, "scenarioText");
        variants = Checks.orderedCopy("variants", variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants is empty; expected at least one variant");
        }
        if (aborted != null && aborted.isBlank()) {
            throw new IllegalArgumentException("aborted is blank; expected null or why the run stopped");
        }
        Outcome derived = aborted != null ? Outcome.ABORTED : verdictOf(variants);
        if (verdict != derived) {
            throw new IllegalArgumentException("verdict is " + verdict + "; expected " + derived
                    + " (ABORTED when the run was aborted, else INVALID when some variant's run is invalid, else FAIL when"
                    + " some variant did not pass)");
        }
    }

    /** A report without repeats. */
    public Report(String scenario, int schemaVersion, Instant startedAt, Instant finishedAt, Outcome verdict, long seed,
                  Execution execution, String scenarioText, String artifactBackend, Map<String, VariantResult> variants,
                  Provenance provenance, String aborted) {
        this(scenario, schemaVersion, startedAt, finishedAt, verdict, seed, execution, scenarioText, artifactBackend,
                variants, provenance, aborted, null);
    }

    /** A report whose verdict is derived from its variants. */
    public static Report of(RunSetup setup, Instant startedAt, Instant finishedAt, Map<String, VariantResult> variants) {
        return new Report(setup.scenario(), SCHEMA_VERSION, startedAt, finishedAt, verdictOf(variants), setup.seed(),
                setup.execution(), setup.scenarioText(), setup.artifactBackend(), variants, null, null, null);
    }

    public boolean passed() {
        return verdict == Outcome.PASS;
    }

    /** This report with {@code variants} in place of its own, the verdict derived anew. */
    public Report withVariants(Map<String, VariantResult> replaced) {
        return new Report(scenario, schemaVersion, startedAt, finishedAt, aborted != null ? Outcome.ABORTED
                : verdictOf(replaced), seed, execution, scenarioText, artifactBackend, replaced, provenance, aborted,
                repeats);
    }

    /** This report with what it ran on. */
    public Report withProvenance(Provenance recorded) {
        return new Report(scenario, schemaVersion, startedAt, finishedAt, verdict, seed, execution, scenarioText,
                artifactBackend, variants, recorded, aborted, repeats);
    }

    /** This report marked as stopped before its end, for {@code reason}; its verdict becomes ABORTED. */
    public Report abortedBecause(String reason) {
        return new Report(scenario, schemaVersion, startedAt, finishedAt, Outcome.ABORTED, seed, execution, scenarioText,
                artifactBackend, variants, provenance, reason, repeats);
    }

    /** This report with {@code computed} as its repeats and comparisons. */
    public Report withRepeats(Repeats computed) {
        return new Report(scenario, schemaVersion, startedAt, finishedAt, verdict, seed, execution, scenarioText,
                artifactBackend, variants, provenance, aborted, computed);
    }

    /** This report spanning {@code start} to {@code end}. */
    public Report during(Instant start, Instant end) {
        return new Report(scenario, schemaVersion, start, end, verdict, seed, execution, scenarioText, artifactBackend,
                variants, provenance, aborted, repeats);
    }

    private static Outcome verdictOf(Map<String, VariantResult> variants) {
        if (variants.values().stream().anyMatch(variant -> !variant.validity().valid())) {
            return Outcome.INVALID;
        }
        return variants.values().stream().allMatch(VariantResult::passed) ? Outcome.PASS : Outcome.FAIL;
    }
}
