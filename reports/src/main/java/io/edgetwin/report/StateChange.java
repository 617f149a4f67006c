package io.edgetwin.report;

/**
 * One lifecycle transition of a component.
 *
 * @param tMs    ms since load start
 * @param state  the state entered ({@code RUNNING}, {@code ERRORED}, {@code BROKEN}, ...)
 * @param reason why, as the core said it ({@code exit 137}); empty when none was given
 */
public record StateChange(long tMs, String state, String reason) {

    public StateChange {
        Checks.name("stateHistory.state", state);
        if (reason == null) {
            reason = "";
        }
    }
}
