package io.edgetwin.simulator.sizing;

import java.util.List;
import java.util.Objects;

/**
 * The result of a search: the verdict, the measured minimum and the recommendation (null when no caps in
 * the ranges pass), every trial as evidence, and the confirm run.
 */
public record Sizing(Verdict verdict, String summary, Caps minimum, Caps recommendation, boolean oomSeen,
                     Trial confirm, List<Trial> trials) {

    /** CONFIRMED only when the confirm run at exactly the recommended caps passed. */
    public enum Verdict { CONFIRMED, UNCONFIRMED, NO_FEASIBLE_CAPS }

    public Sizing {
        Objects.requireNonNull(verdict, "verdict");
        trials = List.copyOf(trials);
    }

    static Sizing infeasible(Trial top, List<Trial> trials) {
        return new Sizing(Verdict.NO_FEASIBLE_CAPS, "no feasible caps: fails even at " + top.caps().memoryLabel()
                + ", cpus " + top.caps().cpusLabel() + ": " + top.cause() + " (" + top.result().detail() + ")",
                null, null, false, null, trials);
    }

    static Sizing of(Caps minimum, Caps recommendation, boolean oomSeen, Trial confirm, List<Trial> trials) {
        String caps = recommendation + " (minimum " + minimum + ")";
        if (confirm.passed()) {
            return new Sizing(Verdict.CONFIRMED, "confirmed: " + caps + "; confirm run, trial " + confirm.number() + ", passed",
                    minimum, recommendation, oomSeen, confirm, trials);
        }
        return new Sizing(Verdict.UNCONFIRMED, "not confirmed: " + caps + "; the confirm run failed: " + confirm.cause()
                + " (" + confirm.result().detail() + ")", minimum, recommendation, oomSeen, confirm, trials);
    }

    public boolean confirmed() {
        return verdict == Verdict.CONFIRMED;
    }

    public String headroomRule() {
        return Headroom.describe(oomSeen);
    }
}
