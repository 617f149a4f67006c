package io.edgetwin.simulator.twin;

/** What the engine says about a twin after the fact: an OOM kill inside it, whether it still runs, its exit code. */
public record TwinOutcome(boolean oomKilled, boolean running, long exitCode) {
}
