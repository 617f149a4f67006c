package io.edgetwin.simulator.sizing;

/** One real run of the search: its number (from 1), why it ran, the caps it tried, and what it showed. */
public record Trial(int number, Phase phase, Caps caps, TrialResult result) {

    public boolean passed() {
        return result.passed();
    }

    /** E.g. {@code OOM in trial 1}. */
    String cause() {
        return result.outcome() + " in trial " + number;
    }
}
