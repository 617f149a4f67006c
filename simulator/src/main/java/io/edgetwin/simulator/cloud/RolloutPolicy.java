package io.edgetwin.simulator.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How a deployment reaches a group of twins.
 *
 * @param waveSize       twins per wave; 0 sends to every twin at once
 * @param stopOnFailure  after a wave with a failed (or timed-out) job, send no further waves
 * @param jobTimeout     how long a wave may take before its unfinished jobs are TIMED_OUT
 */
public record RolloutPolicy(int waveSize, boolean stopOnFailure, Duration jobTimeout) {

    public RolloutPolicy {
        if (waveSize < 0) {
            throw new IllegalArgumentException("wave size " + waveSize + " is negative; expected 0 (all at once) or more");
        }
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        if (jobTimeout.isZero() || jobTimeout.isNegative()) {
            throw new IllegalArgumentException("job timeout " + jobTimeout + " is not positive");
        }
    }

    public static RolloutPolicy allAtOnce(Duration jobTimeout) {
        return new RolloutPolicy(0, true, jobTimeout);
    }

    public static RolloutPolicy inWaves(int waveSize, Duration jobTimeout) {
        if (waveSize < 1) {
            throw new IllegalArgumentException("wave size " + waveSize + " must be at least 1");
        }
        return new RolloutPolicy(waveSize, true, jobTimeout);
    }
}
