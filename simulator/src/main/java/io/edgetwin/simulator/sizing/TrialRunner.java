package io.edgetwin.simulator.sizing;

import java.util.function.Consumer;

/**
 * Runs one trial: the scenario's workload against the sized component with its
 * {@code systemResourceLimits} set to {@code caps}. The CLI uses {@link TwinTrialRunner} (real runs on one twin
 * kept for the search); the search itself depends only on this seam, so it can be tested without Docker.
 */
public interface TrialRunner {

    /**
     * @param number the trial's number, from 1, for its evidence directory
     * @throws Exception when the harness itself fails (the sizing stops; a failing component is a result)
     */
    TrialResult run(int number, Phase phase, Caps caps) throws Exception;

    /**
     * Called before an {@link Outcome#INVALID} trial is repeated: returns once the host looks quiet enough to
     * judge a run, or after a bounded wait, saying what it waited for through {@code progress}. Nothing by default.
     */
    default void awaitQuietHost(Consumer<String> progress) throws InterruptedException {
    }
}
