package io.edgetwin.simulator.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;

/**
 * Drives a workload at a fleet of twins from one thread: the warm-up (sent, not measured), then the
 * measured part. Open models follow their {@link Schedule} whatever the twins do; latency counts from
 * each request's intended send time (coordinated omission). A request due while the harness cannot send
 * ({@link Options#sendable}) is counted as unsent; one for a twin known to be away, or over the in-flight
 * limit, as dropped. The closed model keeps {@code concurrency} requests in flight.
 */
public final class LoadDriver {

    /** A request handed over later than this after its intended time is counted as late. */
    public static final Duration LATE_AFTER = Duration.ofMillis(5);
    private static final long LATE_AFTER_NANOS = LATE_AFTER.toNanos();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Transport transport;
    private final List<Sample> samples;
    private final long seed;
    private final Options options;
    private final Semaphore closedPermits = new Semaphore(0);
    private final Ledger ledger;
    // written by the driving thread only; volatile so that snapshot() may read them from another one
    private volatile long issued;
    private volatile long dropped;
    private volatile long unsent;
    private volatile long late;
    private volatile long measuredStartNanos = Long.MAX_VALUE;
    private long spinNanos;
    private boolean stopped;
    // the current run's, set by begin() and used by the sending thread only
    private boolean measuring;
    private long sequence;
    private Histogram sendError;
    private Histogram sendErrorSink;
    private SplittableRandom twinChoice;

    public LoadDriver(Transport transport, List<Sample> samples, long seed, Options options) {
        this.transport = transport;
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(seed));
        this.samples = List.copyOf(shuffled);
        this.seed = seed;
        this.options = options;
        this.ledger = new Ledger(options.window(), closedPermits::release);
        transport.start(ledger);
    }

    /**
     * Settings beside the workload: the window length, the in-flight limit, which twins may be sent to
     * now, the first request id (drivers that share a transport one after another use disjoint ids,
     * so a late answer to one is never taken for an answer to the next), whether the harness can
     * send at all now (false while its broker connection is down), and when to stop sending before
     * the schedule ends (asked about once a second, e.g. once a sizing trial's outcome is decided).
     */
    public record Options(Duration window, int maxInFlight, IntPredicate reachable, long firstId, BooleanSupplier sendable,
                          BooleanSupplier stop) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), 100_000, twin -> true, 0, () -> true, () -> false);
        }

        public Options reachableWhen(IntPredicate predicate) {
            return new Options(window, maxInFlight, predicate, firstId, sendable, stop);
        }

        public Options startingAt(long id) {
            return new Options(window, maxInFlight, reachable, id, sendable, stop);
        }

        public Options sendableWhen(BooleanSupplier supplier) {
            return new Options(window, maxInFlight, reachable, firstId, supplier, stop);
        }

        /** Stops sending at the first once-a-second check where {@code condition} holds; the drain still runs. */
        public Options stoppingWhen(BooleanSupplier condition) {
            return new Options(window, maxInFlight, reachable, firstId, sendable, condition);
        }
    }

    /** Requests to {@code twin} that wait for an answer now. */
    public long inFlightTo(int twin) {
        return ledger.inFlightTo(twin);
    }

    /**
     * Sends the warm-up from {@code startNanos} (a {@link System#nanoTime()} value), then the measured
     * part from {@code startNanos + warmup}; waits up to {@code drain} for the last answers. An open
     * workload is sent on the calling thread by a {@link SendTimeline} of its own; several at once share one.
     */
    public LoadResult run(Arrival arrival, long startNanos, Duration warmup, Duration duration, Duration drain,
                          Progress progress) {
        if (!(arrival instanceof Arrival.Closed closed)) {
            return SendTimeline.run(List.of(new SendTimeline.Lane(this, arrival, progress)), startNanos, warmup, duration,
                    drain).get(0);
        }
        long measuredStart = startNanos + warmup.toNanos();
        begin(arrival, measuredStart);
        closedPermits.release(closed.concurrency());
        runClosed(startNanos, measuredStart, progress);
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long spinBefore = spinNanos;
        measuring();
        long scheduled = stopped ? 0 : runClosed(measuredStart, measuredStart + duration.toNanos(), progress);
        long generatorCpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        awaitAnswers(System.nanoTime() + drain.toNanos());
        return result(scheduled, duration, generatorCpu, spinNanos - spinBefore);
    }

    /** Readies a run whose measured part starts at {@code measuredStart}: the warm-up comes first. */
    void begin(Arrival arrival, long measuredStart) {
        ledger.measuredStartsAt(measuredStart);
        measuredStartNanos = measuredStart;
        twinChoice = arrival instanceof Arrival.Poisson ? new SplittableRandom(seed ^ 0x5DEECE66DL) : null;
        sequence = options.firstId();
        sendError = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        // the warm-up records its send-time errors too, so the measured part runs code the JIT has seen
        sendErrorSink = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        measuring = false;
    }

    Schedule warmupSchedule(Arrival arrival, Duration warmup) {
        return new Arrival.Constant(arrival.warmupPerSecond()).schedule(seed, warmup);
    }

    Schedule measuredSchedule(Arrival arrival, Duration duration) {
        return arrival.schedule(seed, duration);
    }

    /** From now on requests are measured. */
    void measuring() {
        measuring = true;
        sendErrorSink = sendError;
    }

    /** Hands the next request over, intended for {@code intendedNanos}. */
    void send(long intendedNanos) {
        issue(sequence++, intendedNanos);
    }

    /** The measured part's result, once its answers came or the drain ended. */
    LoadResult result(long scheduled, Duration duration, long generatorCpuNanos, long generatorSpinNanos) {
        long unanswered = ledger.giveUpOnUnanswered();
        Histogram latency = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        List<LatencyWindow> windows = ledger.windows();
        windows.forEach(w -> latency.add(w.latencyNanos()));
        return new LoadResult(scheduled, scheduled - dropped - unsent, dropped, ledger.ok(), ledger.failed() + unanswered,
                unanswered, late, ledger.correct(), latency, sendError, windows, duration, generatorCpuNanos, generatorSpinNanos,
                unsent);
    }

    private long runClosed(long start, long end, Progress progress) {
        spinNanos += SendTimeline.waitUntilReturningSpin(start);
        long count = 0;
        long nextProgress = start + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0 || !acquire(left)) {
                return count;
            }
            send(System.nanoTime());
            count++;
            if (System.nanoTime() >= nextProgress) {
                if (measuring) {
                    report(progress, start, count);
                }
                nextProgress += TimeUnit.SECONDS.toNanos(1);
                if (stopped()) {
                    return count;
                }
            }
        }
    }

    boolean stopped() {
        if (!stopped && options.stop().getAsBoolean()) {
            stopped = true;
        }
        return stopped;
    }

    /** Whether the stop condition ended the load before its schedule did. */
    public boolean stoppedEarly() {
        return stopped;
    }

    /**
     * What the measured part has produced until {@code nowNanos}, read while the load may still run (e.g.
     * when the run is interrupted): requests still in flight are neither ok nor failed, and the
     * generator's CPU and send-time errors are not known. Empty before the measured part began.
     */
    public Optional<LoadResult> snapshot(long nowNanos) {
        long start = measuredStartNanos;
        if (nowNanos <= start) {
            return Optional.empty();
        }
        Histogram latency = new Histogram(Ledger.MAX_LATENCY_NANOS, 3);
        List<LatencyWindow> windows = ledger.windows();
        windows.forEach(w -> latency.add(w.latencyNanos()));
        // answers keep arriving while this reads: ok is what the windows hold, so the histogram and the counts agree
        long ok = latency.getTotalCount();
        long failed = ledger.failed();
        long scheduled = issued;
        long notSent = dropped + unsent;
        long sent = Math.max(scheduled - notSent, ok + failed);
        return Optional.of(new LoadResult(Math.max(scheduled, sent + notSent), sent, dropped, ok, failed, 0, late,
                Math.min(ledger.correct(), ok), latency, new Histogram(Ledger.MAX_LATENCY_NANOS, 3), windows,
                Duration.ofNanos(nowNanos - start), 0, 0, unsent));
    }

    private void issue(long id, long intended) {
        boolean measured = measuring;
        if (measured) {
            issued++;
        }
        int twin = twinChoice == null ? (int) (id % transport.twins()) : twinChoice.nextInt(transport.twins());
        Sample sample = samples.get((int) (id % samples.size()));
        long handedOver = System.nanoTime();
        if (!options.sendable().getAsBoolean()) {
            unsent(measured);
            return;
        }
        if (!options.reachable().test(twin) || ledger.inFlight() >= options.maxInFlight()) {
            drop(intended, measured);
            return;
        }
        ledger.sending(id, intended, twin, sample.label(), measured);
        if (!transport.send(twin, id, sample)) {
            ledger.notSent(id);
            if (options.sendable().getAsBoolean()) {
                drop(intended, measured);
            } else {
                unsent(measured);
            }
            return;
        }
        long error = Math.max(0, handedOver - intended);
        sendErrorSink.recordValue(Math.min(error, Ledger.MAX_LATENCY_NANOS));
        if (error > LATE_AFTER_NANOS && measured) {
            late++;
        }
    }

    /** The harness could not send: not the twin's doing, so not an error of any window. */
    private void unsent(boolean measured) {
        closedPermits.release();
        if (measured) {
            unsent++;
        }
    }

    private void drop(long intended, boolean measured) {
        closedPermits.release();
        if (measured) {
            dropped++;
            ledger.dropped(intended);
        }
    }

    private boolean acquire(long timeoutNanos) {
        try {
            return closedPermits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void report(Progress progress, long start, long sent) {
        Histogram interval = ledger.intervalHistogram();
        progress.update(Duration.ofNanos(System.nanoTime() - start), sent, ledger.ok(), ledger.failed() + dropped,
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99));
    }

    /** Waits until every measured request was answered, or until {@code deadline} (a {@link System#nanoTime()} value). */
    void awaitAnswers(long deadline) {
        while (ledger.measuredInFlight() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Called about once a second while measuring. */
    @FunctionalInterface
    public interface Progress {
        void update(Duration elapsed, long sent, long ok, long failed, long intervalP99Nanos);
    }
}
