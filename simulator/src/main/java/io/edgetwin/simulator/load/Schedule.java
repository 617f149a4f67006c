package io.edgetwin.simulator.load;

/**
 * The intended send times of an open workload, one after another: offsets in nanoseconds from the
 * start of the measured part, ascending, then {@link #END}. Computed lazily, so a long run at a high
 * rate needs no memory for its schedule.
 */
public interface Schedule {

    long END = -1;

    /** The next intended send time, or {@link #END} when the schedule is over. */
    long next();
}
