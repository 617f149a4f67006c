package io.edgetwin.simulator.sizing;

import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names why a trial failed, first match wins (docs/sizing.md): an OOM kill of the component, thrashing,
 * a run that cannot be judged (INVALID), an SLO miss; otherwise PASS. A kill or thrashing explains
 * whatever else went wrong in the same run, so they come first; an invalid run's latencies mean nothing,
 * so it comes before the SLOs.
 */
public final class TrialClassifier {

    /**
     * Above this many major page faults per second while serving, a component thrashes. A healthy
     * component pages its code in while it starts and then runs near zero; one under a too-tight cap
     * re-reads libtorch's pages from disk, hundreds to thousands of faults a second.
     */
    public static final double THRASH_MAJOR_FAULTS_PER_SECOND = 50;
    /** Measured requests a p99 needs at 99 % confidence (MLPerf LoadGen), as the run's own validity counts them. */
    public static final long MIN_REQUESTS_FOR_P99 = Validity.MIN_ANSWERS_P99;
    /** Above this share of late sends the load generator, not the twin, set the pace. */
    public static final double MAX_LATE_FRACTION = 0.05;

    private TrialClassifier() {
    }

    /**
     * @param result  the trial's variant, with its SLOs evaluated; null when the run did not complete
     * @param failure why the run did not complete; null when it did
     */
    public static TrialResult classify(String component, VariantResult result, Observation seen, String failure) {
        return classify(component, result, seen, failure, null);
    }

    /**
     * As {@link #classify(String, VariantResult, Observation, String)}, for a trial whose load stopped early
     * because {@code lostSlo} was already lost ({@link SloLoss}; null when it was not): the run is then judged
     * without what its shortened load alone makes invalid (too few answers, too short), and a run valid
     * otherwise is the SLO miss that decided it. Host interference or a late load generator still make it
     * INVALID: its latencies measured those too.
     */
    static TrialResult classify(String component, VariantResult result, Observation seen, String failure, String lostSlo) {
        Double p99 = result == null ? null : result.latencyMs().p99();
        long kills = Math.max(seen.oomKills(), result == null ? 0 : result.oomKills().components().getOrDefault(component, 0L));
        Outcome outcome;
        String detail;
        if (kills > 0) {
            outcome = Outcome.OOM;
            detail = component + " OOM-killed " + kills + " time(s) by its memory cap";
        } else if (seen.majorFaultsPerSec() > THRASH_MAJOR_FAULTS_PER_SECOND) {
            outcome = Outcome.THRASH;
            detail = String.format(Locale.ROOT, "%.0f major page faults/s while serving (bound %.0f/s)",
                    seen.majorFaultsPerSec(), THRASH_MAJOR_FAULTS_PER_SECOND);
        } else {
            String invalid = failure != null ? "the run did not complete: " + firstLine(failure)
                    : invalidity(component, result, lostSlo != null);
            String missed = invalid != null ? null : lostSlo != null ? lostSlo : missedSlos(result);
            outcome = invalid != null ? Outcome.INVALID : missed != null ? Outcome.SLO_MISS : Outcome.PASS;
            detail = invalid != null ? invalid : missed != null ? missed : passDetail(result);
        }
        return new TrialResult(outcome, detail, p99, seen.majorFaultsPerSec(), seen.peakBytes(), null, seen.usage());
    }

    /** @param cutShort whether the load stopped early, so that too few answers or too short a run say nothing */
    private static String invalidity(String component, VariantResult result, boolean cutShort) {
        ComponentResult c = result.components().get(component);
        if (c != null && !c.enforced()) {
            return "the limits of " + component + " were not enforced (recorded only)";
        }
        List<String> reasons = result.validity().reasons().stream().filter(r -> !cutShort || !shortened(r)).toList();
        if (!result.validity().valid() && !reasons.isEmpty()) {
            return "the run is invalid: " + String.join("; ", reasons);
        }
        long sent = result.requests().sent();
        if (sent < MIN_REQUESTS_FOR_P99 && !cutShort) {
            return sent + " requests measured; a p99 needs at least " + MIN_REQUESTS_FOR_P99;
        }
        if (result.requests().late() > sent * MAX_LATE_FRACTION) {
            return result.requests().late() + " of " + sent + " requests were sent late: the load generator fell behind";
        }
        return null;
    }

    /** A validity reason a load stopped early gives by itself (docs/report.md, validity): too short, too few answers. */
    private static boolean shortened(String reason) {
        return reason.startsWith("measured for ") || reason.contains(" are too few to report p");
    }

    private static String missedSlos(VariantResult result) {
        String missed = result.thresholds().stream().filter(t -> !t.passed())
                .map(TrialClassifier::describe).collect(Collectors.joining("; "));
        return missed.isEmpty() ? null : missed;
    }

    private static String describe(ThresholdResult t) {
        return t.expr() + " missed: actual " + (t.actual() == null ? "none" : String.format(Locale.ROOT, "%.3f", t.actual()))
                + " " + t.unit().symbol();
    }

    private static String passDetail(VariantResult result) {
        return String.format(Locale.ROOT, "every SLO held: p99 %.1f ms, %d of %d answered",
                result.latencyMs().p99(), result.requests().ok(), result.requests().sent());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
