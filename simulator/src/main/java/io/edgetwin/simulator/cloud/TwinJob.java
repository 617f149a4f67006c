package io.edgetwin.simulator.cloud;

import java.time.Instant;
import java.util.Objects;

/**
 * One twin's job of a rollout.
 *
 * @param deploymentStatus the core's outcome ({@code SUCCESSFUL}, {@code FAILED_NO_STATE_CHANGE}, ...), empty until final
 * @param reason           why it failed, as the core said; empty when it succeeded
 */
public record TwinJob(String thing, String jobId, String deploymentId, JobStatus status, String deploymentStatus,
                      String reason, Instant queuedAt, Instant updatedAt) {

    public TwinJob {
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deploymentStatus, "deploymentStatus");
        Objects.requireNonNull(reason, "reason");
    }

    TwinJob with(JobStatus next, String outcome, String why, Instant at) {
        return new TwinJob(thing, jobId, deploymentId, next, outcome, why, queuedAt, at);
    }
}
