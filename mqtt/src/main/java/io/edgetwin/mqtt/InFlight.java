package io.edgetwin.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The packets awaiting their ack (QoS 1 PUBLISH → PUBACK, SUBSCRIBE → SUBACK), by packet id, at most
 * {@code window} at once. Each entry's callback is called exactly once: with {@code null} at its ack,
 * with the failure when the connection ends first. When the window is full, {@link #acquire} waits for
 * an ack (or for the end of the connection, which the keep-alive bounds).
 */
final class InFlight {

    private final int window;
    private final Map<Integer, Consumer<Throwable>> waiting = new LinkedHashMap<>();
    private int nextId = 1;
    private Throwable ended;

    InFlight(int window) {
        this.window = window;
    }

    /** A free packet id for {@code done}; waits while the window is full; fails once the connection ended. */
    int acquire(Consumer<Throwable> done) throws MqttFailure {
        return acquire(done, true);
    }

    /**
     * The same; with {@code mayWait} false it goes past a full window instead of waiting (for the reader
     * thread, which reads the acks it would wait for).
     */
    synchronized int acquire(Consumer<Throwable> done, boolean mayWait) throws MqttFailure {
        boolean interrupted = false;
        try {
            while (mayWait && ended == null && waiting.size() >= window) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (ended != null) {
            throw new MqttFailure("the connection is closed: " + ended.getMessage(), ended);
        }
        while (waiting.containsKey(nextId)) {
            nextId = nextId == 65535 ? 1 : nextId + 1;
        }
        int id = nextId;
        nextId = id == 65535 ? 1 : id + 1;
        waiting.put(id, done);
        return id;
    }

    /** The ack for {@code id} arrived ({@code error} null) or {@code id} failed; false if it was not waiting. */
    boolean complete(int id, Throwable error) {
        Consumer<Throwable> done;
        synchronized (this) {
            done = waiting.remove(id);
            notifyAll();
        }
        if (done == null) {
            return false;
        }
        done.accept(error);
        return true;
    }

    /** How many wait for their ack. */
    synchronized int size() {
        return waiting.size();
    }

    /** Waits up to {@code millis} for every ack; true if none is left. */
    synchronized boolean awaitEmpty(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!waiting.isEmpty() && ended == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return waiting.isEmpty();
    }

    /** The connection ended: every waiting entry fails with {@code cause} (oldest first), and so does every later acquire. */
    void end(Throwable cause) {
        List<Consumer<Throwable>> failed;
        synchronized (this) {
            if (ended == null) {
                ended = cause;
            }
            failed = new ArrayList<>(waiting.values());
            waiting.clear();
            notifyAll();
        }
        for (Consumer<Throwable> done : failed) {
            done.accept(cause);
        }
    }
}
