package io.edgetwin.core.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Brings a lost connection back by trying again every {@code interval} until an attempt succeeds or
 * {@link #close()} is called, on a daemon thread of its own, then runs {@code onConnected} on that thread.
 *
 * <p>Why not a growing backoff like Paho's automatic reconnect (which the core once used): it waits 1 s,
 * then doubles the wait (1, 2, 4, 8 s … up to its maximum), so a broker back after an 8 s outage was reached about 4 s late, and the run measured that
 * backoff instead of the device. An attempt against a broker that is still down fails at once
 * (connection refused), so trying every few hundred milliseconds costs little. (The harness has a class
 * of the same name on purpose: the core never depends on harness code, nor the harness on the core's.)
 */
final class Redial implements AutoCloseable {

    private final Duration interval;
    private final BooleanSupplier attempt;
    private final Runnable onConnected;
    private final AtomicBoolean dialing = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param attempt     one connection attempt; true when connected
     * @param onConnected what to do once connected again (resubscribe, announce)
     */
    Redial(Duration interval, BooleanSupplier attempt, Runnable onConnected) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("redial interval is " + interval + "; expected > 0");
        }
        this.interval = interval;
        this.attempt = attempt;
        this.onConnected = onConnected;
    }

    /** The connection was lost: starts dialing, unless closed or already dialing. */
    void lost() {
        if (closed || !dialing.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::dial, "mqtt-redial");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether an attempt loop is under way. */
    boolean dialing() {
        return dialing.get();
    }

    private void dial() {
        while (!closed) {
            if (attempt.getAsBoolean()) {
                dialing.set(false);
                if (!closed) {
                    onConnected.run();
                }
                return;
            }
            LockSupport.parkNanos(interval.toNanos());
        }
        dialing.set(false);
    }

    /** Stops dialing; an attempt under way finishes on its own. */
    @Override
    public void close() {
        closed = true;
    }
}
