package io.edgetwin.simulator.sizing;

/** How a trial ended; every outcome but {@link #PASS} is a failure, named by its cause (docs/sizing.md). */
public enum Outcome {
    /** Every SLO held, no OOM kill, no thrashing, a valid run. */
    PASS,
    /** The component's own cgroup counted an OOM kill. */
    OOM,
    /** The component's major page faults while serving exceeded {@link TrialClassifier#THRASH_MAJOR_FAULTS_PER_SECOND}. */
    THRASH,
    /** The run was valid but an SLO did not hold; the detail names it. */
    SLO_MISS,
    /** The run cannot be judged: it did not complete, too few requests, a late load generator, limits not enforced. */
    INVALID;

    public boolean passed() {
        return this == PASS;
    }

    /** Whether the cause points at memory rather than CPU. */
    boolean memoryBound() {
        return this == OOM || this == THRASH;
    }
}
