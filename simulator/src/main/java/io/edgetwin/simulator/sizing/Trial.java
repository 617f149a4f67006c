package io.edgetwin.simulator.sizing;

import java.util.List;

/** One real run of the search: its number (from 1), why it ran, the caps it tried, and what it showed. */
public record Trial(int number, Phase phase, Caps caps, TrialResult result) {

    public boolean passed() {
        return result.passed();
    }

    /** Whether any of {@code trials} was OOM-killed: the headroom then follows the after-OOM rule ({@link Headroom}). */
    static boolean anyOom(List<Trial> trials) {
        return trials.stream().anyMatch(t -> t.result().outcome() == Outcome.OOM);
    }

    /** E.g. {@code OOM in trial 1}. */
    String cause() {
        return result.outcome() + " in trial " + number;
    }
}
