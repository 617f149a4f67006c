package io.edgetwin.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the rest of the host did while a variant was measured: every second, the CPU that neither the
 * run's twins, its broker nor the harness used ({@link InterferenceSample}), and its mean over the
 * measured part. A run that shared the host with a busy neighbour measured the neighbour too; the
 * scenario's {@code validity.maxOutsideCpu} turns this into a reason the run is INVALID.
 *
 * @param cores        the host's cores, as {@code /proc/stat} counts them
 * @param outsideShare mean of the samples' outside share (0 with no samples)
 * @param outsideMax   the largest one-second outside share
 * @param samples      one per second, in time order
 */
public record Interference(int cores, double outsideShare, double outsideMax, List<InterferenceSample> samples) {

    public Interference {
        Checks.positive("interference.cores", cores);
        Checks.nonNegative("interference.outsideShare", outsideShare);
        Checks.nonNegative("interference.outsideMax", outsideMax);
        samples = List.copyOf(Objects.requireNonNull(samples, "interference.samples"));
    }

    /** Summarises {@code samples} taken on a host of {@code cores}. */
    public static Interference of(int cores, List<InterferenceSample> samples) {
        double mean = samples.stream().mapToDouble(InterferenceSample::outsideShare).average().orElse(0);
        double max = samples.stream().mapToDouble(InterferenceSample::outsideShare).max().orElse(0);
        return new Interference(cores, mean, max, samples);
    }

    /** E.g. {@code others on this host used 31 % of the 2 cores (peak 58 %)}. */
    public String sentence() {
        return String.format(Locale.ROOT, "others on this host used %.0f %% of the %d cores during the measured part"
                + " (peak %.0f %% in one second)", outsideShare * 100, cores, outsideMax * 100);
    }
}
