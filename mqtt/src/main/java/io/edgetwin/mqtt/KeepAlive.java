package io.edgetwin.mqtt;

import java.time.Duration;

/**
 * When to ping and when to give up, from the times of the last packet sent and received (nanoseconds
 * of a monotonic clock, passed in). A PINGREQ is due when nothing was sent or nothing was received
 * for the keep-alive interval and no PINGREQ is already out; the connection is lost when nothing was
 * received for 1.5 times the interval (the limit MQTT 3.1.1 gives the broker for the client).
 */
final class KeepAlive {

    /** What the reader does at a tick. */
    enum Due { NOTHING, PING, LOST }

    private final long intervalNanos;
    private volatile long lastSent;
    private volatile long lastReceived;
    private volatile boolean pingOut;

    KeepAlive(Duration interval, long now) {
        this.intervalNanos = interval.toNanos();
        this.lastSent = now;
        this.lastReceived = now;
    }

    void sent(long now) {
        lastSent = now;
    }

    void received(long now) {
        lastReceived = now;
        pingOut = false;
    }

    /** What is due at {@code now}; PING marks the PINGREQ as out until the next packet arrives. */
    Due at(long now) {
        if (now - lastReceived >= intervalNanos * 3 / 2) {
            return Due.LOST;
        }
        if (!pingOut && (now - lastSent >= intervalNanos || now - lastReceived >= intervalNanos)) {
            pingOut = true;
            return Due.PING;
        }
        return Due.NOTHING;
    }

    /** Nanoseconds since the last packet arrived. */
    long silentFor(long now) {
        return now - lastReceived;
    }

    /** How often the reader wakes to check: a tenth of the interval, at least 10 ms. */
    int tickMillis() {
        return (int) Math.max(10, intervalNanos / 10 / 1_000_000);
    }
}
