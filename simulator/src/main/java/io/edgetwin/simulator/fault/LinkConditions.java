package io.edgetwin.simulator.fault;

import java.time.Duration;

/**
 * What a link fault does to the bytes between a twin and the broker. MQTT runs over TCP, so a lost
 * segment is not gone but late: each chunk is held back by {@link #RETRANSMIT} with probability
 * {@code lossPercent / 100}, as a TCP retransmission would.
 *
 * @param bytesPerSecond 0 means no bandwidth cap
 */
public record LinkConditions(boolean cut, Duration latency, double lossPercent, long bytesPerSecond) {

    public static final Duration RETRANSMIT = Duration.ofMillis(200);
    public static final LinkConditions CLEAR = new LinkConditions(false, Duration.ZERO, 0, 0);

    public LinkConditions {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency " + latency + " must not be negative");
        }
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("loss " + lossPercent + "% must be between 0 and 100");
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth " + bytesPerSecond + " B/s must not be negative");
        }
    }
}
