package io.edgetwin.report;

/**
 * Something that happened during a variant's run, placed on its time line.
 *
 * @param tMs       ms since load start (negative: before the load started, e.g. a deployment)
 * @param twin      the twin it happened on; {@code null} for the whole run (a broker outage)
 * @param component the component; {@code null} when it concerns the twin or the run
 * @param kind      one of the kinds below, or another lower-case word a newer writer adds
 * @param detail    a sentence for people
 */
public record Event(long tMs, String twin, String component, String kind, String detail) {

    public static final String STATE_CHANGE = "state-change";
    public static final String RESTART = "restart";
    public static final String OOM_KILL = "oom-kill";
    public static final String FAULT_START = "fault-start";
    public static final String FAULT_END = "fault-end";
    public static final String DEPLOYMENT = "deployment";
    public static final String RECONNECT = "reconnect";

    public Event {
        Checks.name("events.kind", kind);
        if (detail == null) {
            detail = "";
        }
    }

    /** Whether this event marks a fault starting or ending. */
    public boolean isFault() {
        return FAULT_START.equals(kind) || FAULT_END.equals(kind);
    }
}
