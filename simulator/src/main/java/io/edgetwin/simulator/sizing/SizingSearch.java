package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The search for the smallest caps that pass (docs/sizing.md). Reads as its job: check the top of both
 * ranges → bisect memory at the top CPU → bisect CPU at the found memory → measure the minimum pair again
 * (joint check) → add headroom → confirm run at exactly the recommendation. The outcome depends only on
 * the trials' outcomes, so the same outcomes give the same recommendation.
 */
public final class SizingSearch {

    /** The bracket a bisection stops at: the found cap is at most 5 % above the true minimum. */
    public static final double RESOLUTION = 0.05;

    private final MemoryRange memory;
    private final CpuRange cpus;
    private final TrialRunner runner;
    private final Consumer<String> progress;
    private final List<Trial> trials = new ArrayList<>();
    private final int maxTrials;

    public SizingSearch(MemoryRange memory, CpuRange cpus, TrialRunner runner, Consumer<String> progress) {
        this.memory = memory;
        this.cpus = cpus;
        this.runner = runner;
        this.progress = progress;
        this.maxTrials = maxTrials(memory, cpus);
    }

    /** Top check, memory and CPU bisections, joint check and confirm run: the most trials a search makes. */
    public static int maxTrials(MemoryRange memory, CpuRange cpus) {
        return 1 + memoryTrials(memory) + Bisection.steps(cpus.min(), cpus.max(), RESOLUTION) + 1 + 1;
    }

    /** The most trials the memory bisection makes (the top check not counted). */
    public static int memoryTrials(MemoryRange memory) {
        return Bisection.steps(memory.minKb(), memory.maxKb(), RESOLUTION);
    }

    public Sizing run() throws Exception {
        Caps top = new Caps(memory.maxKb(), cpus.max());
        Trial first = trial(Phase.TOP, top, top + ", the top of both ranges");
        if (!first.passed()) {
            return Sizing.infeasible(first, trials);
        }
        long memoryKb = searchMemory();
        double cpu = searchCpus(memoryKb);
        Caps minimum = jointCheck(new Caps(memoryKb, cpu));
        boolean oomSeen = Trial.anyOom(trials);
        Caps recommended = Headroom.recommend(minimum, oomSeen, memory, cpus);
        Trial confirm = trial(Phase.CONFIRM, recommended, recommended + ": minimum " + minimum + " plus headroom");
        return Sizing.of(minimum, recommended, oomSeen, confirm, trials);
    }

    private long searchMemory() throws Exception {
        Bisection search = new Bisection(memory.minKb(), memory.maxKb(), RESOLUTION, kb -> Math.round(kb / 1024) * 1024.0);
        while (!search.done()) {
            long kb = (long) search.next();
            String interval = "memory " + MemoryRange.label((long) search.low()) + ".." + MemoryRange.label((long) search.found())
                    + " → " + MemoryRange.label(kb) + " at cpus " + CpuRange.label(cpus.max());
            search.record(kb, trial(Phase.MEMORY, new Caps(kb, cpus.max()), interval).passed());
        }
        return (long) search.found();
    }

    private double searchCpus(long memoryKb) throws Exception {
        Bisection search = new Bisection(cpus.min(), cpus.max(), RESOLUTION, c -> Math.round(c * 1000) / 1000.0);
        while (!search.done()) {
            double cpu = search.next();
            String interval = "cpus " + CpuRange.label(search.low()) + ".." + CpuRange.label(search.found())
                    + " → " + CpuRange.label(cpu) + " at memory " + MemoryRange.label(memoryKb);
            search.record(cpu, trial(Phase.CPU, new Caps(memoryKb, cpu), interval).passed());
        }
        return search.found();
    }

    /**
     * The minimum pair passed once (the CPU search's last pass, or the top check). A second run guards
     * against a lucky pass; if it fails, its cause raises memory (OOM, thrash) or CPU (SLO miss, invalid)
     * by one search step.
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

    private Trial trial(Phase phase, Caps caps, String why) throws Exception {
        int number = trials.size() + 1;
        progress.accept("trial " + number + " of at most " + maxTrials + " (" + phase.label() + "): " + why);
        Trial trial = new Trial(number, phase, caps, runner.run(number, phase, caps));
        trials.add(trial);
        progress.accept("trial " + number + ": " + trial.result().outcome() + " — " + trial.result().detail());
        return trial;
    }
}
