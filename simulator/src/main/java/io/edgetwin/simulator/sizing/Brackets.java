package io.edgetwin.simulator.sizing;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where the minimum is expected, from what the component used in the observation trial at the top of the
 * ranges (docs/sizing.md): memory from the level its working set settled at × {@value #RECLAIMABLE} (the cgroup's figure
 * counts page cache the kernel reclaims under a cap; the anonymous part's level when that is lower) to its peak ×
 * {@value #MEMORY_MARGIN};
 * CPU from the quota its 100 ms periods' demand exceeds in the share of periods the SLO allows to be throttled
 * ({@link CpuPeriods}, {@link TwinTrialRunner#periodShare}) to that × {@value #CPU_MARGIN}; without that figure, from the 95th percentile of its
 * per-second use to that × {@value #CPU_MARGIN} (its mean use is far below what the rare throttling stalls decide;
 * when the top itself throttled it, from its mean to the range's top).
 * Both bottoms are guesses ({@link SeededBisection.Low#GUESSED}: a runtime may grow its heap into a large cap,
 * or spin on free cores), both tops too; both are clamped to the ranges. A figure that says nothing (not seen, or CPU
 * throttled at the top) leaves that side at the range's own bound.
 */
final class Brackets {

    /**
     * The memory bracket's top over the top's peak: in nine searches of the anomaly model with its files cached the edge
     * lay at 0.88–1.04 × the peak (docs/sizing.md), so 1.1 leaves room above the highest while keeping the bracket to
     * three steps.
     */
    static final double MEMORY_MARGIN = 1.1;
    /**
     * The share of the top's settled memory taken as the bracket's bottom: the cgroup's figure includes page cache
     * the kernel reclaims under a cap (capped trials of the anomaly model settled 11–12 % below the top's level), so the settled level itself
     * can lie above the true minimum.
     */
    static final double RECLAIMABLE = 0.88;
    /** The least a wrong bracket widens by, whatever its own ratio: 20 %. */
    static final double LEAST_WIDENING = 1.2;
    private static final double MIB = 1024 * 1024;
    /**
     * The CPU bracket's top over its bottom (and so the factor a wrong CPU guess first widens by): at most 1.48 keeps a
     * bracket to three bisection steps at a resolution of 5 % (docs/sizing.md, "The trial budget"). From the period
     * figure the bracket is figure..figure × 1.45: the edges of ten searches of the anomaly model lay at 1.10–1.46
     * × the figure (docs/sizing.md).
     */
    static final double CPU_MARGIN = 1.45;
    /** Above this share of throttled periods the top's CPU use was capped by the top itself and says nothing. */
    static final double THROTTLED_AT_THE_TOP = 0.01;

    private Brackets() {
    }

    static SeededBisection memory(Usage usage, MemoryRange range, double resolution, Consumer<String> note) {
        double min = range.minKb();
        double max = range.maxKb();
        double high = max;
        double low = min;
        if (usage.seen()) {
            high = clamp(Math.ceil(usage.peakBytes() * MEMORY_MARGIN / MIB - 1e-9) * 1024, Math.min(max, Math.ceil(min * (1 + resolution) / 1024) * 1024), max);
            low = Math.max(min, Math.floor(Math.min(settledKb(usage) * RECLAIMABLE, high / (1 + resolution)) / 1024) * 1024);
        }
        return new SeededBisection(min, max, low, high, SeededBisection.Low.GUESSED, false, resolution,
                Brackets::roundKb, kb -> MemoryRange.label((long) kb), note).widening(Math.max(LEAST_WIDENING, high / low));
    }

    /**
     * The settled level the memory bottom is taken from: the usage's, or the anonymous resident memory's when that was
     * read and is lower (a top whose usage counted page cache the host had not cached before: {@link ResidentMemory}).
     */
    static double settledKb(Usage usage) {
        long bytes = usage.residentBytes() > 0 ? Math.min(usage.settledBytes(), usage.residentBytes()) : usage.settledBytes();
        return bytes / 1024.0;
    }

    static SeededBisection cpus(Usage usage, CpuRange range, double resolution, Consumer<String> note) {
        double min = range.min();
        double max = range.max();
        double high = max;
        double low = min;
        if (usage.seen() && usage.throttledShare() <= THROTTLED_AT_THE_TOP) {
            boolean periods = usage.periodsSeen();
            double bottom = periods ? usage.periodCpus() : usage.highCpus();
            double floor = Math.min(max, Math.ceil(min * (1 + resolution) * 1000) / 1000);
            high = clamp(Math.ceil(bottom * CPU_MARGIN * 1000 - 1e-9) / 1000, floor, max);
            low = Math.max(min, Math.floor(Math.min(bottom, high / (1 + resolution)) * 1000) / 1000);
        } else if (usage.seen()) {
            low = Math.max(min, Math.floor(Math.min(usage.meanCpus(), high / (1 + resolution)) * 1000) / 1000);
        }
        return new SeededBisection(min, max, low, high, SeededBisection.Low.GUESSED, false, resolution,
                Brackets::roundCpus, CpuRange::label, note).widening(Math.max(LEAST_WIDENING, high / low));
    }

    /** The figures in words, for the progress and sizing.json. */
    static String describe(Usage usage) {
        if (!usage.seen()) {
            return "no usage seen at the top: the whole ranges are searched";
        }
        String resident = usage.residentBytes() > 0
                ? ", " + MemoryRange.label(Math.round(usage.residentBytes() / 1024.0 / 1024) * 1024) + " of it anonymous" : "";
        return String.format(Locale.ROOT, "at the top the component's memory settled at %s%s (peak %s); it used %.3f cores "
                        + "on average, %.3f at the 95th percentile of its seconds, throttled in %.1f %% of its periods",
                MemoryRange.label(Math.round(usage.settledBytes() / 1024.0 / 1024) * 1024), resident,
                MemoryRange.label(Math.round(usage.peakBytes() / 1024.0 / 1024) * 1024),
                usage.meanCpus(), usage.highCpus(), usage.throttledShare() * 100) + "; " + cpuSource(usage);
    }

    /** Which figure the CPU bracket comes from, in words. */
    static String cpuSource(Usage usage) {
        if (usage.throttledShare() > THROTTLED_AT_THE_TOP) {
            return "CPU bracket from the mean use (the top throttled it)";
        }
        if (usage.periodsSeen()) {
            return String.format(Locale.ROOT, "CPU bracket from %.3f cores, the quota its demand exceeded in the "
                    + "share of %d periods of 100 ms that the SLO allows to be throttled (the bracket's bottom)", usage.periodCpus(), usage.periods());
        }
        return String.format(Locale.ROOT, "CPU bracket from the per-second 95th percentile (%d periods of 100 ms "
                + "sampled, fewer than %d)", usage.periods(), Usage.FEWEST_PERIODS);
    }

    static double roundKb(double kb) {
        return Math.round(kb / 1024) * 1024.0;
    }

    static double roundCpus(double cpus) {
        return Math.round(cpus * 1000) / 1000.0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
