package io.edgetwin.simulator.load;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What the measured part of a run produced. {@code scheduled} requests were due; {@code sent} of them
 * were handed to the broker, {@code dropped} were not because the twin was known to be away or the
 * in-flight limit was reached, and {@code unsent} were due while the harness itself could not send
 * (broker down, its client not reconnected yet) — never silently skipped. Of those sent, {@code ok} were answered,
 * {@code failed} answered with an error or never ({@code unanswered}). {@code late} were sent more
 * than {@link LoadDriver#LATE_AFTER} after their intended time; their latency still counts from then.
 *
 * @param latencyNanos        every successful answer, from its intended send time
 * @param sendErrorNanos      how long after its intended time each request was handed over
 * @param generatorCpuNanos   CPU time of the generator thread during the measured part
 * @param generatorSpinNanos  of that, time it spun waiting for an intended send time (a choice for
 *                            precision, not load: it could have parked instead)
 */
public record LoadResult(long scheduled, long sent, long dropped, long ok, long failed, long unanswered, long late,
                         long correct, Histogram latencyNanos, Histogram sendErrorNanos, List<LatencyWindow> windows,
                         Duration measured, long generatorCpuNanos, long generatorSpinNanos, long unsent) {

    public LoadResult {
        windows = List.copyOf(windows);
    }

    /** A result of a run in which the harness could always send. */
    public LoadResult(long scheduled, long sent, long dropped, long ok, long failed, long unanswered, long late,
                      long correct, Histogram latencyNanos, Histogram sendErrorNanos, List<LatencyWindow> windows,
                      Duration measured, long generatorCpuNanos, long generatorSpinNanos) {
        this(scheduled, sent, dropped, ok, failed, unanswered, late, correct, latencyNanos, sendErrorNanos, windows, measured,
                generatorCpuNanos, generatorSpinNanos, 0);
    }

    /**
     * Several measured slices of one variant (interleaved execution) as one result: counts and CPU
     * added, histograms merged, windows one after another as if the slices had run back to back.
     */
    public static LoadResult combine(List<LoadResult> slices) {
        Histogram latency = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        Histogram sendError = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        List<LatencyWindow> windows = new java.util.ArrayList<>();
        long[] sums = new long[11];
        Duration measured = Duration.ZERO;
        for (LoadResult s : slices) {
            latency.add(s.latencyNanos());
            sendError.add(s.sendErrorNanos());
            long offsetMs = measured.toMillis();
            s.windows().forEach(w -> windows.add(new LatencyWindow(offsetMs + w.startMs(), w.count(), w.errors(), w.latencyNanos())));
            long[] counts = {s.scheduled(), s.sent(), s.dropped(), s.ok(), s.failed(), s.unanswered(), s.late(), s.correct(),
                    s.generatorCpuNanos(), s.generatorSpinNanos(), s.unsent()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += counts[i];
            }
            measured = measured.plus(s.measured());
        }
        return new LoadResult(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], latency, sendError, windows,
                measured, sums[8], sums[9], sums[10]);
    }

    /**
     * Workloads that ran at the same time (one model each) as one result: counts added, histograms and
     * same-time windows merged, the longest measured part; the generator CPU is the busiest thread's (open
     * workloads share one {@link SendTimeline} thread, a closed one has its own), as the validity rule is
     * about one thread saturating.
     */
    public static LoadResult concurrent(List<LoadResult> workloads) {
        if (workloads.size() == 1) {
            return workloads.get(0);
        }
        Histogram latency = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        Histogram sendError = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        java.util.TreeMap<Long, LatencyWindow> windows = new java.util.TreeMap<>();
        long[] sums = new long[9];
        Duration measured = Duration.ZERO;
        long cpu = 0;
        long spin = 0;
        for (LoadResult w : workloads) {
            latency.add(w.latencyNanos());
            sendError.add(w.sendErrorNanos());
            w.windows().forEach(window -> windows.merge(window.startMs(), window, LoadResult::merged));
            long[] counts = {w.scheduled(), w.sent(), w.dropped(), w.ok(), w.failed(), w.unanswered(), w.late(), w.correct(),
                    w.unsent()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += counts[i];
            }
            measured = measured.compareTo(w.measured()) >= 0 ? measured : w.measured();
            if (w.generatorCpuNanos() - w.generatorSpinNanos() >= cpu - spin) {
                cpu = w.generatorCpuNanos();
                spin = w.generatorSpinNanos();
            }
        }
        return new LoadResult(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], latency, sendError,
                List.copyOf(windows.values()), measured, cpu, spin, sums[8]);
    }

    private static LatencyWindow merged(LatencyWindow a, LatencyWindow b) {
        Histogram h = a.latencyNanos().copy();
        h.add(b.latencyNanos());
        return new LatencyWindow(a.startMs(), a.count() + b.count(), a.errors() + b.errors(), h);
    }

    public double throughputPerSecond() {
        return ok / (measured.toNanos() / 1e9);
    }

    /**
     * The CPU the generator thread needed, as a fraction of one core over the measured part: its CPU
     * time without the spin-waits (which only buy send-time precision; parked, it would not use them).
     */
    public double generatorCpuFraction() {
        return measured.isZero() ? 0 : (double) Math.max(0, generatorCpuNanos - generatorSpinNanos) / measured.toNanos();
    }

    /** The generator thread's whole CPU time, spin-waits included, as a fraction of one core. */
    public double generatorCpuWithSpinFraction() {
        return measured.isZero() ? 0 : (double) generatorCpuNanos / measured.toNanos();
    }
}
