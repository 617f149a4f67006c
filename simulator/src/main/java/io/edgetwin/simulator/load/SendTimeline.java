package io.edgetwin.simulator.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Every open workload of a run sent from one thread, the caller's, in one timeline: each workload's
 * next intended send time is kept in a small array and the earliest is sent next, so several
 * workloads cost what one does at their combined rate (one thread waiting, one spin before each send)
 * instead of one timer thread each competing for the cores. Warm-ups run together first, then the
 * measured parts, from the same start; each workload keeps its own books, stop condition and result.
 * The send loop allocates nothing of its own.
 */
public final class SendTimeline {

    /**
     * The last stretch before an intended time is spun, not parked: Linux wakes a parked thread up to
     * its timer slack (50 µs) late. The spin is time the generator chose to wait, so it is kept apart
     * from the CPU the generator needs ({@link LoadResult#generatorSpinNanos}).
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(80);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long NONE = Long.MAX_VALUE;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final List<Lane> lanes;
    private final long[] next;
    private final long[] sent;
    private final Schedule[] schedules;
    private long spinNanos;

    /** One open workload: its driver, its arrivals and where its once-a-second progress goes. */
    public record Lane(LoadDriver driver, Arrival arrival, LoadDriver.Progress progress) {
        public Lane {
            if (driver == null || arrival == null || progress == null) {
                throw new IllegalArgumentException("a lane needs a driver, an arrival and a progress listener");
            }
            if (arrival instanceof Arrival.Closed) {
                throw new IllegalArgumentException("a closed workload waits for its answers and has no timeline: "
                        + "drive it with LoadDriver.run on a thread of its own");
            }
        }
    }

    private SendTimeline(List<Lane> lanes) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one workload");
        }
        this.lanes = List.copyOf(lanes);
        this.next = new long[lanes.size()];
        this.sent = new long[lanes.size()];
        this.schedules = new Schedule[lanes.size()];
    }

    /**
     * Sends every lane's warm-up from {@code startNanos} (a {@link System#nanoTime()} value), then its
     * measured part from {@code startNanos + warmup}, all on the calling thread; waits up to
     * {@code drain} for the last answers. One result per lane, in order; the generator CPU and spin of
     * each is the one thread's over the measured part.
     */
    public static List<LoadResult> run(List<Lane> lanes, long startNanos, Duration warmup, Duration duration,
                                       Duration drain) {
        return new SendTimeline(lanes).drive(startNanos, warmup, duration, drain);
    }

    private List<LoadResult> drive(long startNanos, Duration warmup, Duration duration, Duration drain) {
        long measuredStart = startNanos + warmup.toNanos();
        for (Lane lane : lanes) {
            lane.driver().begin(lane.arrival(), measuredStart);
        }
        if (!warmup.isZero()) {
            for (int i = 0; i < lanes.size(); i++) {
                schedules[i] = lanes.get(i).driver().warmupSchedule(lanes.get(i).arrival(), warmup);
            }
            send(startNanos, false);
        }
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long spinBefore = spinNanos;
        for (int i = 0; i < lanes.size(); i++) {
            LoadDriver driver = lanes.get(i).driver();
            schedules[i] = driver.stoppedEarly() ? null : driver.measuredSchedule(lanes.get(i).arrival(), duration);
        }
        lanes.forEach(lane -> lane.driver().measuring());
        send(measuredStart, true);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long spin = spinNanos - spinBefore;
        long drainUntil = System.nanoTime() + drain.toNanos();
        List<LoadResult> results = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            LoadDriver driver = driver(i);
            driver.awaitAnswers(drainUntil);
            results.add(driver.result(sent[i], duration, cpu, spin));
        }
        return results;
    }

    /** Sends every lane's schedule from {@code start}, earliest intended time first. */
    private void send(long start, boolean measured) {
        for (int i = 0; i < next.length; i++) {
            sent[i] = 0;
            next[i] = advance(i, start);
        }
        long nextProgress = start + SECOND;
        for (int lane = earliest(); lane >= 0; lane = earliest()) {
            long intended = next[lane];
            waitUntil(intended);
            driver(lane).send(intended);
            sent[lane]++;
            next[lane] = advance(lane, start);
            if (System.nanoTime() >= nextProgress) {
                everySecond(start, measured);
                nextProgress += SECOND;
            }
        }
    }

    private void everySecond(long start, boolean measured) {
        for (int i = 0; i < next.length; i++) {
            if (next[i] == NONE) {
                continue;
            }
            if (measured) {
                driver(i).report(lanes.get(i).progress(), start, sent[i]);
            }
            if (driver(i).stopped()) {
                next[i] = NONE;
            }
        }
    }

    private long advance(int lane, long start) {
        if (schedules[lane] == null) {
            return NONE;
        }
        long offset = schedules[lane].next();
        return offset == Schedule.END ? NONE : start + offset;
    }

    /** The lane whose next send is due first, or -1 when every schedule is over. */
    private int earliest() {
        int lane = -1;
        long first = NONE;
        for (int i = 0; i < next.length; i++) {
            if (next[i] < first) {
                first = next[i];
                lane = i;
            }
        }
        return lane;
    }

    private LoadDriver driver(int lane) {
        return lanes.get(lane).driver();
    }

    private void waitUntil(long deadlineNanos) {
        spinNanos += waitUntilReturningSpin(deadlineNanos);
    }

    /** Parks until {@link #SPIN_NANOS} before {@code deadlineNanos}, spins the rest; returns the nanoseconds spun. */
    static long waitUntilReturningSpin(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(left - SPIN_NANOS);
        }
        long spinStart = System.nanoTime();
        long now = spinStart;
        while (now < deadlineNanos) {
            Thread.onSpinWait();
            now = System.nanoTime();
        }
        return now - spinStart;
    }
}
