package io.edgetwin.simulator.fault;

import io.edgetwin.simulator.wan.LinkModel;
import io.edgetwin.simulator.wan.WanProfile;
import java.time.Duration;

/**
 * What a link fault does to the bytes between a twin and the broker. MQTT runs over TCP, so a lost
 * segment is not gone but late: each chunk is held back by {@link #RETRANSMIT} with probability
 * {@code lossPercent / 100}, as a TCP retransmission would. A link with a WAN profile gets these on top
 * of the profile's ({@link #on}).
 *
 * @param bytesPerSecond 0 means no bandwidth cap
 */
public record LinkConditions(boolean cut, Duration latency, double lossPercent, long bytesPerSecond) {

    public static final Duration RETRANSMIT = LinkModel.RETRANSMIT;
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

    /**
     * {@code profile} with this fault on top: {@code latency} added each way, losses of both (independent),
     * the lower of the bandwidth caps. A cut is not part of it: the proxy refuses connections instead.
     */
    public WanProfile on(WanProfile profile) {
        if (latency.isZero() && lossPercent == 0 && bytesPerSecond == 0) {
            return profile;
        }
        double loss = 100 * (1 - (1 - profile.lossPercent() / 100) * (1 - lossPercent / 100));
        return new WanProfile(profile.name() + "+fault", profile.rtt().plus(latency.multipliedBy(2)), loss,
                lower(profile.upBytesPerSecond(), bytesPerSecond), lower(profile.downBytesPerSecond(), bytesPerSecond));
    }

    private static long lower(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }
}
