package io.edgetwin.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The books of one run: which requests are in flight, and for the measured ones, latency from the
 * intended send time into a {@link Recorder} (read by the progress line) and into one histogram per
 * time window (by intended send time, so a backlog shows in the window whose requests waited).
 */
final class Ledger implements Transport.Answers {

    static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
    private final long windowNanos;
    private final List<Window> windows = new ArrayList<>();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong correct = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final Runnable onAnswer;
    private volatile long measuredStartNanos;

    Ledger(Duration window, Runnable onAnswer) {
        this.windowNanos = window.toNanos();
        this.onAnswer = onAnswer;
    }

    void measuredStartsAt(long nanos) {
        measuredStartNanos = nanos;
    }

    void sending(long id, long intendedNanos, int twin, String expectedLabel, boolean measured) {
        inFlight.put(id, new InFlight(intendedNanos, twin, expectedLabel, measured));
    }

    void notSent(long id) {
        inFlight.remove(id);
    }

    int inFlight() {
        return inFlight.size();
    }

    long inFlightTo(int twin) {
        return inFlight.values().stream().filter(r -> r.twin() == twin).count();
    }

    boolean measuredInFlight() {
        return inFlight.values().stream().anyMatch(InFlight::measured);
    }

    @Override
    public void answered(long id, String label, long receivedNanos) {
        InFlight request = inFlight.remove(id);
        if (request == null) {
            unknown.incrementAndGet();
            return;
        }
        if (request.measured()) {
            long latency = Math.min(Math.max(0, receivedNanos - request.intendedNanos()), MAX_LATENCY_NANOS);
            Window window = window(request.intendedNanos());
            if (label == null) {
                failed.incrementAndGet();
                window.failed();
            } else {
                recorder.recordValue(latency);
                window.record(latency);
                ok.incrementAndGet();
                if (label.equals(request.expectedLabel())) {
                    correct.incrementAndGet();
                }
            }
        }
        onAnswer.run();
    }

    /** Measured requests still waiting; each counts as failed in its window. Clears the table. */
    long giveUpOnUnanswered() {
        long unanswered = 0;
        for (InFlight request : inFlight.values()) {
            if (request.measured()) {
                window(request.intendedNanos()).failed();
                unanswered++;
            }
        }
        inFlight.clear();
        return unanswered;
    }

    /** A dropped measured request: counts as an error of its window. */
    void dropped(long intendedNanos) {
        window(intendedNanos).failed();
    }

    Histogram intervalHistogram() {
        return recorder.getIntervalHistogram();
    }

    long ok() {
        return ok.get();
    }

    long failed() {
        return failed.get();
    }

    long correct() {
        return correct.get();
    }

    long unknownAnswers() {
        return unknown.get();
    }

    List<LatencyWindow> windows() {
        synchronized (windows) {
            List<LatencyWindow> result = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                result.add(windows.get(i).snapshot(i * windowNanos / 1_000_000));
            }
            return result;
        }
    }

    private Window window(long intendedNanos) {
        int index = (int) Math.max(0, (intendedNanos - measuredStartNanos) / windowNanos);
        synchronized (windows) {
            while (windows.size() <= index) {
                windows.add(new Window());
            }
            return windows.get(index);
        }
    }

    private record InFlight(long intendedNanos, int twin, String expectedLabel, boolean measured) {
    }

    /** One window's answers; written on the answer thread, read after the run. */
    private static final class Window {
        private final Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        private long errors;

        synchronized void record(long latencyNanos) {
            histogram.recordValue(latencyNanos);
        }

        synchronized void failed() {
            errors++;
        }

        synchronized LatencyWindow snapshot(long startMs) {
            return new LatencyWindow(startMs, histogram.getTotalCount() + errors, errors, histogram.copy());
        }
    }
}
