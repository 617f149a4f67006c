package io.edgetwin.simulator.measure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Keeps the latest status of every twin and the highest memory peak seen, and lets the harness wait
 * for a condition on a twin's status (e.g. "the inference component is ready") with a timeout.
 */
public final class StatusTracker {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, TwinStatus> latest = new ConcurrentHashMap<>();
    private final Map<String, Long> peakMemory = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final java.util.List<java.util.function.Consumer<TwinStatus>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long malformed;

    /** Also hands every status message to {@code listener}, on the MQTT callback thread. */
    public void addListener(java.util.function.Consumer<TwinStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(java.util.function.Consumer<TwinStatus> listener) {
        listeners.remove(listener);
    }

    /** Handler for messages on {@code edgetwin/+/status}. */
    public void accept(String topic, byte[] payload) {
        TwinStatus status;
        try {
            status = JSON.readValue(payload, TwinStatus.class);
        } catch (IOException e) {
            malformed++;
            return;
        }
        latest.put(status.thing(), status);
        listeners.forEach(l -> l.accept(status));
        if (status.memory() != null) {
            peakMemory.merge(status.thing(), status.memory().peakBytes(), Math::max);
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Optional<TwinStatus> latest(String thing) {
        return Optional.ofNullable(latest.get(thing));
    }

    public long peakMemoryBytes(String thing) {
        return peakMemory.getOrDefault(thing, 0L);
    }

    public long malformedMessages() {
        return malformed;
    }

    /** Waits until the twin's latest status satisfies {@code condition}; returns that status. */
    public TwinStatus await(String thing, Predicate<TwinStatus> condition, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                TwinStatus status = latest.get(thing);
                if (status != null && condition.test(status)) {
                    return status;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("twin " + thing + " did not get there within " + timeout.toSeconds()
                            + " s; last status: " + (status == null ? "none" : status));
                }
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The twin's next status after the latest one (the core publishes one every interval), or the latest
     * when none comes within {@code timeout}: the last figures of a run include what happened at its end.
     */
    public TwinStatus next(String thing, Duration timeout) throws InterruptedException {
        TwinStatus current = latest(thing).orElseThrow();
        try {
            return await(thing, s -> s != current, timeout);
        } catch (TimeoutException e) {
            return current;
        }
    }
}
