package io.edgetwin.simulator.sizing;

import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.run.StopCondition;
import java.util.Optional;

/**
 * Ends a trial's load once its outcome is decided, and says so in the trial's detail (docs/sizing.md, "Early
 * stop"): the sized component was OOM-killed ({@link ComponentWatch#decided}), or an SLO is already lost
 * ({@link SloLoss}: more answers over its bound than the rest of the planned requests could rescue). A trial
 * stopped on a lost SLO is judged by {@link TrialClassifier} as the {@link Outcome#SLO_MISS} that decided it,
 * unless its cgroup names a memory cause or the host made the run invalid; a stop never turns a pass into a
 * miss, because only a certain loss decides.
 */
final class EarlyStop implements StopCondition {

    /** Said in a trial's detail when the sized component's OOM kill ended its load early. */
    static final String OOM_KILL = "the load stopped early: the OOM kill decided the trial";

    private final ComponentWatch watch;
    private final SloLoss slos;
    private final long measuredSeconds;
    private volatile String stop;
    private volatile String sloLost;

    /**
     * @param slos            what may decide an SLO early; one that {@link SloLoss#decides() decides} nothing
     *                        leaves only the OOM kill
     * @param measuredSeconds the planned measured part, for the detail
     */
    EarlyStop(ComponentWatch watch, SloLoss slos, long measuredSeconds) {
        this.watch = watch;
        this.slos = slos;
        this.measuredSeconds = measuredSeconds;
    }

    @Override
    public boolean stopsNow(Optional<LoadResult> measured) {
        if (stop != null) {
            return true;
        }
        if (watch.decided()) {
            stop = OOM_KILL;
            return true;
        }
        Optional<String> lost = measured.flatMap(m -> slos.lost(m.latencyNanos(), m.failed()));
        if (lost.isPresent()) {
            sloLost = lost.get();
            stop = "the load stopped early after " + measured.get().measured().toSeconds() + " of " + measuredSeconds
                    + " s measured: the SLO was already lost";
            return true;
        }
        return false;
    }

    /** The SLO whose loss stopped the load, in words; null when none did (the classifier judges the trial by it). */
    String sloLost() {
        return sloLost;
    }

    /** {@code classified} with the reason its load stopped early, if it did. */
    TrialResult judged(TrialResult classified) {
        return stop == null ? classified : classified.withNote(stop);
    }
}
