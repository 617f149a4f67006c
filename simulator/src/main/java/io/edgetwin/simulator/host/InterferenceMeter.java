package io.edgetwin.simulator.host;

import io.edgetwin.report.Interference;
import io.edgetwin.report.InterferenceSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Measures, for one variant, what the rest of the host used while the variant was measured. Between
 * {@link #begin} and {@link #end} (once per slice when variants are interleaved) every {@link #sample}
 * — once a second — takes a reading and adds a sample of the time since the previous one: the host's
 * busy cores (steal included) minus the run's own CPU, as a share of all cores. Calls before the
 * measured part starts (the warm-up) and between slices are ignored.
 */
public final class InterferenceMeter {

    /** Shorter stretches are too coarse for {@code /proc/stat}'s 10 ms ticks and are not sampled. */
    private static final long MIN_SPAN_NANOS = 200_000_000L;

    private final HostProbe probe;
    private final LongSupplier ticker;
    private final List<InterferenceSample> samples = new ArrayList<>();
    private long originNanos = Long.MIN_VALUE;
    private long startNanos;
    private boolean active;
    private boolean unknown;
    private HostProbe.Reading previous;
    private int cores = 1;

    /** @param ticker the same nanosecond clock as the probe's and as the {@code begin} arguments */
    public InterferenceMeter(HostProbe probe, LongSupplier ticker) {
        this.probe = probe;
        this.ticker = ticker;
    }

    /** A measured part (or slice of one) starts at {@code measuredStartNanos}; the first one sets {@code tMs} 0. */
    public synchronized void begin(long measuredStartNanos) {
        if (originNanos == Long.MIN_VALUE) {
            originNanos = measuredStartNanos;
        }
        startNanos = measuredStartNanos;
        active = true;
        previous = null;
    }

    /** Takes a reading; adds a sample when the measured part is under way. */
    public synchronized void sample() {
        if (!active || ticker.getAsLong() < startNanos) {
            return;
        }
        take();
    }

    /** The slice ended: a last sample, then readings are ignored until the next {@link #begin}. */
    public synchronized void end() {
        if (active && ticker.getAsLong() >= startNanos) {
            take();
        }
        active = false;
        previous = null;
    }

    /** What was measured; {@code null} when the run's own use could not be read (e.g. a cgroup v2 host). */
    public synchronized Interference result() {
        return unknown ? null : Interference.of(cores, samples);
    }

    private void take() {
        HostProbe.Reading now;
        try {
            now = probe.read();
        } catch (RuntimeException e) {
            unknown = true;
            return;
        }
        if (now.ownCpuNanos() < 0) {
            unknown = true;
            return;
        }
        cores = now.cpu().cores();
        if (previous != null && now.nanos() - previous.nanos() >= MIN_SPAN_NANOS) {
            samples.add(between(previous, now, (now.nanos() - originNanos) / 1_000_000));
            previous = now;
        } else if (previous == null) {
            previous = now;
        }
    }

    /** The sample for the span from {@code a} to {@code b}, ending at {@code tMs}. */
    static InterferenceSample between(HostProbe.Reading a, HostProbe.Reading b, long tMs) {
        double wallNanos = b.nanos() - a.nanos();
        long total = b.cpu().totalTicks() - a.cpu().totalTicks();
        int cores = b.cpu().cores();
        double busyShare = total <= 0 ? 0 : (double) (b.cpu().busyTicks() - a.cpu().busyTicks()) / total;
        double ownShare = (b.ownCpuNanos() - a.ownCpuNanos()) / wallNanos / cores;
        return new InterferenceSample(tMs, clamp(busyShare - ownShare),
                total <= 0 ? 0 : clamp((double) (b.cpu().stealTicks() - a.cpu().stealTicks()) / total),
                total <= 0 ? 0 : clamp((double) (b.cpu().ioWaitTicks() - a.cpu().ioWaitTicks()) / total),
                stall(a.pressure().cpuMicros(), b.pressure().cpuMicros(), wallNanos),
                stall(a.pressure().memoryMicros(), b.pressure().memoryMicros(), wallNanos),
                stall(a.pressure().ioMicros(), b.pressure().ioMicros(), wallNanos));
    }

    private static Double stall(Long before, Long after, double wallNanos) {
        return before == null || after == null ? null : clamp((after - before) * 1000.0 / wallNanos);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
