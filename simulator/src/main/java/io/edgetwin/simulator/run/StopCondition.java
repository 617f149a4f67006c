package io.edgetwin.simulator.run;

import io.edgetwin.simulator.load.LoadResult;
import java.util.Optional;

/**
 * Whether to stop a variant's load before its schedule ends ({@link ScenarioRun#withStopCondition}), asked about
 * once a second while the load is sent, e.g. once a sizing trial's outcome is decided. Once it says yes the load
 * stops; the drain still runs, so the report counts what was sent.
 */
@FunctionalInterface
public interface StopCondition {

    /** Never stops: the load runs its whole schedule. */
    StopCondition NEVER = measured -> false;

    /**
     * @param measured what the scenario's first workload's measured part has produced so far (answers in flight
     *                 are neither ok nor failed yet); empty during the warm-up
     */
    boolean stopsNow(Optional<LoadResult> measured);
}
