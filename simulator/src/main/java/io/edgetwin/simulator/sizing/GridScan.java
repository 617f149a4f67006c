package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dense grid the memory search is measured against (docs/performance.md): every memory cap
 * {@code stepKb} apart from the bottom of the range to its top, at the top CPU. The grid's minimum is
 * the smallest cap from which every larger grid cap passed too, so a single lucky pass below a failure
 * does not count; the recommendation the grid would make is that minimum with the search's own headroom.
 */
public final class GridScan {

    private final MemoryRange memory;
    private final CpuRange cpus;
    private final long stepKb;
    private final TrialRunner runner;
    private final Consumer<String> progress;

    /**
     * What the scan ran.
     *
     * @param minimumKb     the smallest cap from which every larger grid cap passed; null when the top failed
     * @param firstPassKb   the smallest cap that passed at all; null when none did
     * @param recommendedKb the minimum plus {@link Headroom} (the after-OOM rule when any point was OOM-killed);
     *                      null when there is no minimum
     */
    public record Result(Long minimumKb, Long firstPassKb, Long recommendedKb, List<Trial> trials) {

        public Result {
            trials = List.copyOf(trials);
        }
    }

    public GridScan(MemoryRange memory, CpuRange cpus, long stepKb, TrialRunner runner, Consumer<String> progress) {
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
        for (long kb = memory.minKb(); kb <= memory.maxKb(); kb += stepKb) {
            Caps caps = new Caps(kb, cpus.max());
            int number = trials.size() + 1;
            progress.accept("grid point " + number + " of " + points + ": " + caps);
            Trial trial = new Trial(number, Phase.GRID, caps, runner.run(number, Phase.GRID, caps));
            trials.add(trial);
            progress.accept("grid point " + number + ": " + trial.result().outcome() + " — " + trial.result().detail());
        }
        Long minimum = null;
        for (int i = trials.size() - 1; i >= 0 && trials.get(i).passed(); i--) {
            minimum = trials.get(i).caps().memoryKb();
        }
        Long firstPass = trials.stream().filter(Trial::passed).map(t -> t.caps().memoryKb()).findFirst().orElse(null);
        boolean oomSeen = Trial.anyOom(trials);
        Long recommended = minimum == null ? null
                : Headroom.recommend(new Caps(minimum, cpus.max()), oomSeen, memory, cpus).memoryKb();
        return new Result(minimum, firstPass, recommended, trials);
    }
}
