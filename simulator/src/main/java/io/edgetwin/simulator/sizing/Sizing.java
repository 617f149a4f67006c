package io.edgetwin.simulator.sizing;

import java.util.List;
import java.util.Objects;

/**
 * The result of a search: the verdict, the measured minimum and the recommendation (null when no caps in
 * the ranges pass), every trial as evidence, and the confirm run.
 *
 * @param plan      the observation's figures and the brackets they gave, in words; null when the top failed
 * @param widenings each bracket the observation got wrong, and how it was widened, in order
 */
public record Sizing(Verdict verdict, String summary, Caps minimum, Caps recommendation, boolean oomSeen,
                     Trial confirm, List<Trial> trials, String plan, List<String> widenings) {

    /** CONFIRMED only when the confirm run at exactly the recommended caps passed. */
    public enum Verdict { CONFIRMED, UNCONFIRMED, NO_FEASIBLE_CAPS }

    public Sizing {
        Objects.requireNonNull(verdict, "verdict");
        trials = List.copyOf(trials);
        widenings = widenings == null ? List.of() : List.copyOf(widenings);
    }

    /** This sizing with the brackets it searched and how they were widened. */
    Sizing withPlan(String bracketPlan, List<String> bracketWidenings) {
        return new Sizing(verdict, summary, minimum, recommendation, oomSeen, confirm, trials, bracketPlan, bracketWidenings);
    }

    static Sizing infeasible(Trial top, List<Trial> trials) {
        return new Sizing(Verdict.NO_FEASIBLE_CAPS, "no feasible caps: fails even at " + top.caps().memoryLabel()
                + ", cpus " + top.caps().cpusLabel() + ": " + top.cause() + " (" + top.result().detail() + ")",
                null, null, false, null, trials, null, null);
    }

    static Sizing of(Caps minimum, Caps recommendation, boolean oomSeen, Trial confirm, List<Trial> trials) {
        String caps = recommendation + " (minimum " + minimum + ")";
        if (confirm.passed()) {
            return new Sizing(Verdict.CONFIRMED, "confirmed: " + caps + "; confirm run, trial " + confirm.number() + ", passed",
                    minimum, recommendation, oomSeen, confirm, trials, null, null);
        }
        return new Sizing(Verdict.UNCONFIRMED, "not confirmed: " + caps + "; the confirm run failed: " + confirm.cause()
                + " (" + confirm.result().detail() + ")", minimum, recommendation, oomSeen, confirm, trials, null, null);
    }

    /**
     * This sizing not confirmed because of {@code why} (e.g. trials that stayed INVALID when repeated), unless
     * it found no caps at all; its minimum and recommendation stay as evidence.
     */
    Sizing unconfirmedBecause(String why) {
        if (verdict == Verdict.NO_FEASIBLE_CAPS) {
            return this;
        }
        String because = verdict == Verdict.UNCONFIRMED ? summary + "; " + why
                : "not confirmed: " + recommendation + " (minimum " + minimum + "); " + why + "; the confirm run passed";
        return new Sizing(Verdict.UNCONFIRMED, because, minimum, recommendation, oomSeen, confirm, trials, plan, widenings);
    }

    public boolean confirmed() {
        return verdict == Verdict.CONFIRMED;
    }

    public String headroomRule() {
        return Headroom.describe(oomSeen);
    }
}
