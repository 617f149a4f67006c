package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dense grid the memory search is measured against (docs/performance.md): memory caps every
 * {@code stepKb} from the bottom of the range upward, at the top CPU, until two caps in a row pass. The
 * first of those two is the grid's minimum; a full grid would find the same smallest passing cap, and
 * the points above it, which a full grid would also run, are left out to save their trials.
 */
public final class GridScan {

    private final MemoryRange memory;
    private final double cpus;
    private final long stepKb;
    private final TrialRunner runner;
    private final Consumer<String> progress;

    /** What the scan ran, and the grid's minimum (null when no two caps in a row passed). */
    public record Result(Long minimumKb, List<Trial> trials) {

        public Result {
            trials = List.copyOf(trials);
        }
    }

    public GridScan(MemoryRange memory, double cpus, long stepKb, TrialRunner runner, Consumer<String> progress) {
        this.memory = memory;
        this.cpus = cpus;
        this.stepKb = stepKb;
        this.runner = runner;
        this.progress = progress;
    }

    /** The step of {@code --dense-grid STEP}, e.g. {@code 16m}, in KB. */
    public static long stepKb(String step) {
        return MemoryRange.kb("--dense-grid", step);
    }

    public Result run() throws Exception {
        List<Trial> trials = new ArrayList<>();
        long points = (memory.maxKb() - memory.minKb()) / stepKb + 1;
        Long previousPass = null;
        for (long kb = memory.minKb(); kb <= memory.maxKb(); kb += stepKb) {
            Caps caps = new Caps(kb, cpus);
            progress.accept("grid point " + (trials.size() + 1) + " of at most " + points + ": " + caps);
            Trial trial = new Trial(trials.size() + 1, Phase.GRID, caps, runner.run(trials.size() + 1, Phase.GRID, caps));
            trials.add(trial);
            progress.accept("grid point " + trial.number() + ": " + trial.result().outcome() + " — " + trial.result().detail());
            if (trial.passed() && previousPass != null) {
                return new Result(previousPass, trials);
            }
            previousPass = trial.passed() ? Long.valueOf(kb) : null;
        }
        return new Result(null, trials);
    }
}
