package io.edgetwin.simulator.cloud;

/** The status of one twin's deployment job, named as AWS IoT Jobs names job executions. */
public enum JobStatus {
    /** Created, not yet sent. */
    QUEUED,
    /** The core said it started applying the document. */
    IN_PROGRESS,
    /** The deployment's outcome was {@code SUCCESSFUL}. */
    SUCCEEDED,
    /** Any other outcome; the reason is in the job. */
    FAILED,
    /** No final status arrived within the rollout's timeout. */
    TIMED_OUT,
    /** Never sent: the rollout stopped at an earlier failure. */
    CANCELED;

    public boolean isFinal() {
        return this != QUEUED && this != IN_PROGRESS;
    }
}
