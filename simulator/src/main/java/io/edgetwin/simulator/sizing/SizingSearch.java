package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The search for the smallest caps that pass (docs/sizing.md). Reads as its job: observe the component at
 * the top of both ranges (the top check) → bracket memory and CPU from what it used → bisect both inside
 * their brackets in the same trials, each failure counted against the cap its cause names → measure the
 * minimum pair again (joint check) → add headroom → confirm run at exactly the recommendation. A bracket
 * the observation got wrong widens and the progress says so. The outcome depends only on the trials' outcomes, so the same
 * outcomes give the same recommendation.
 */
public final class SizingSearch {

    /** The bracket a bisection stops at: the found cap is at most 5 % above the true minimum. */
    public static final double RESOLUTION = 0.05;

    private final MemoryRange memory;
    private final CpuRange cpus;
    private final TrialRunner runner;
    private final Consumer<String> progress;
    private final List<Trial> trials = new ArrayList<>();
    private final List<String> widenings = new ArrayList<>();
    private final List<Trial> stayedInvalid = new ArrayList<>();

    public SizingSearch(MemoryRange memory, CpuRange cpus, TrialRunner runner, Consumer<String> progress) {
        this.memory = memory;
        this.cpus = cpus;
        this.runner = runner;
        this.progress = progress;
    }

    /** The most trials a blind search makes (no usage seen at the top and no widening): top, both bisections, joint check and confirm run. */
    public static int blindTrials(MemoryRange memory, CpuRange cpus) {
        return 1 + SeededBisection.steps(memory.minKb(), memory.maxKb(), RESOLUTION)
                + SeededBisection.steps(cpus.min(), cpus.max(), RESOLUTION) + 1 + 1;
    }

    public Sizing run() throws Exception {
        Caps top = new Caps(memory.maxKb(), cpus.max());
        Trial first = trial(Phase.TOP, top, top + ", the top of both ranges, observing what the component uses");
        if (!first.passed()) {
            return Sizing.infeasible(first, trials);
        }
        Usage usage = first.result().usage();
        SeededBisection memorySearch = Brackets.memory(usage, memory, RESOLUTION, this::widened);
        SeededBisection cpuSearch = Brackets.cpus(usage, cpus, RESOLUTION, this::widened);
        int budget = 1 + memorySearch.budget() + cpuSearch.budget() + 1 + 1;
        String plan = Brackets.describe(usage) + "; brackets memory " + MemoryRange.label((long) memorySearch.low()) + ".."
                + MemoryRange.label((long) memorySearch.found()) + ", cpus " + CpuRange.label(cpuSearch.low()) + ".."
                + CpuRange.label(cpuSearch.found()) + ": at most " + budget + " trials if they hold";
        progress.accept(plan);
        Caps minimum = jointCheck(bisect(memorySearch, cpuSearch));
        boolean oomSeen = Trial.anyOom(trials);
        Caps recommended = Headroom.recommend(minimum, oomSeen, memory, cpus);
        Trial confirm = trial(Phase.CONFIRM, recommended, recommended + ": minimum " + minimum + " plus headroom");
        Sizing sizing = Sizing.of(minimum, recommended, oomSeen, confirm, trials).withPlan(plan, widenings);
        List<Trial> unjudged = stayedInvalid.stream().filter(t -> t.phase() != Phase.CONFIRM).toList();
        return unjudged.isEmpty() ? sizing : sizing.unconfirmedBecause("trial(s) " + numbers(unjudged)
                + " stayed INVALID when repeated and were counted against the CPU");
    }

    private static String numbers(List<Trial> trials) {
        return String.join(", ", trials.stream().map(t -> String.valueOf(t.number())).toList());
    }

    /**
     * Memory and CPU are bisected in the same trials: each tries the next memory and the next CPU of the
     * brackets not yet closed (the found value of a closed one). A pass counts for both. An OOM kill or
     * thrashing counts against the memory and says nothing about the CPU. An SLO miss counts against the
     * CPU and for the memory: the component served the whole load within that memory, and at a CPU that
     * kept more requests in flight than the minimum will. An invalid run is repeated once ({@link #trial}); one
     * that stays invalid counts against the CPU only, and the sizing is then not confirmed.
     */
    private Caps bisect(SeededBisection memorySearch, SeededBisection cpuSearch) throws Exception {
        while (!memorySearch.done() || !cpuSearch.done()) {
            boolean memoryOpen = !memorySearch.done();
            boolean cpuOpen = !cpuSearch.done();
            Caps caps = new Caps((long) (memoryOpen ? memorySearch.next() : memorySearch.found()),
                    cpuOpen ? cpuSearch.next() : cpuSearch.found());
            Phase phase = memoryOpen && cpuOpen ? Phase.SEARCH : memoryOpen ? Phase.MEMORY : Phase.CPU;
            Outcome outcome = trial(phase, caps, why(memorySearch, cpuSearch, caps)).result().outcome();
            if (memoryOpen && outcome != Outcome.INVALID) {
                memorySearch.record(caps.memoryKb(), !outcome.memoryBound());
            }
            if (cpuOpen && !outcome.memoryBound()) {
                cpuSearch.record(caps.cpus(), outcome.passed());
            }
        }
        return new Caps((long) memorySearch.found(), cpuSearch.found());
    }

    /** E.g. {@code memory 127m..159m → 142m, cpus 0.1..0.446 → 0.211}, or {@code memory found 134m, ...}. */
    private static String why(SeededBisection memorySearch, SeededBisection cpuSearch, Caps caps) {
        String memoryPart = memorySearch.done() ? "memory found " : "memory " + MemoryRange.label((long) memorySearch.low())
                + ".." + MemoryRange.label((long) memorySearch.found()) + " → ";
        String cpuPart = cpuSearch.done() ? "cpus found " : "cpus " + CpuRange.label(cpuSearch.low()) + ".."
                + CpuRange.label(cpuSearch.found()) + " → ";
        return memoryPart + caps.memoryLabel() + ", " + cpuPart + caps.cpusLabel();
    }

    /**
     * The minimum pair: each cap passed at least once, but perhaps never with the other. This run guards
     * against a lucky pass and a pair that never ran together; if it fails, its cause raises memory (OOM,
     * thrash) or CPU (SLO miss, invalid) by one search step.
     */
    private Caps jointCheck(Caps minimum) throws Exception {
        Trial joint = trial(Phase.JOINT, minimum, minimum + ", the minimum pair again");
        if (joint.passed()) {
            return minimum;
        }
        if (joint.result().outcome().memoryBound()) {
            long kb = Math.min(memory.maxKb(), (long) Math.ceil(minimum.memoryKb() * (1 + RESOLUTION) / 1024) * 1024);
            return new Caps(kb, minimum.cpus());
        }
        double cpu = Math.min(cpus.max(), Math.ceil(minimum.cpus() * (1 + RESOLUTION) * 1000) / 1000);
        return new Caps(minimum.memoryKb(), cpu);
    }

    private void widened(String what) {
        widenings.add(what);
        progress.accept("the observation misled: " + what);
    }

    /**
     * One trial at {@code caps}; an INVALID one is no evidence either way (the host, not the caps, decided it),
     * so after the runner has waited for a quiet host it is repeated once at the same caps, and the repeat's
     * outcome is the one the search uses. Both count as trials. One that stays invalid is remembered: the
     * search then counts it conservatively and does not confirm its recommendation.
     */
    private Trial trial(Phase phase, Caps caps, String why) throws Exception {
        Trial trial = once(phase, caps, why);
        if (trial.result().outcome() != Outcome.INVALID) {
            return trial;
        }
        progress.accept("trial " + trial.number() + " is no evidence (INVALID): repeating it once, at the same caps, "
                + "on a quiet host");
        runner.awaitQuietHost(progress);
        Trial repeat = once(phase, caps, caps + " again: trial " + trial.number() + " was INVALID");
        if (repeat.result().outcome() == Outcome.INVALID) {
            stayedInvalid.add(repeat);
            progress.accept("trial " + repeat.number() + " stayed INVALID: " + (phase == Phase.TOP
                    ? "the top of the ranges cannot be judged on this host now" : "counted against the CPU; the sizing will not be confirmed"));
        }
        return repeat;
    }

    private Trial once(Phase phase, Caps caps, String why) throws Exception {
        int number = trials.size() + 1;
        progress.accept("trial " + number + " (" + phase.label() + "): " + why);
        Trial trial = new Trial(number, phase, caps, runner.run(number, phase, caps));
        trials.add(trial);
        progress.accept("trial " + number + ": " + trial.result().outcome() + " — " + trial.result().detail());
        return trial;
    }
}
