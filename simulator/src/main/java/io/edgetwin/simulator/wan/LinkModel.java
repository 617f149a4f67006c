package io.edgetwin.simulator.wan;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * When each chunk of bytes crossing a link arrives, for one TCP connection. Deterministic: the time
 * comes in with each call and every draw from the seeded generator given at construction.
 *
 * <ul>
 *   <li>Bandwidth: a chunk occupies its direction for {@code bytes / bandwidth}, after the chunks
 *       before it (a queue at the bottleneck).</li>
 *   <li>Latency: each upstream chunk draws one round trip from the profile; half delays it, the other
 *       half delays the next downstream chunk (its answer). A request and its answer therefore see the
 *       profile's round-trip distribution, not the narrower sum of two independent halves. Downstream
 *       chunks with no upstream chunk waiting draw their own.</li>
 *   <li>Loss: with probability {@code lossPercent / 100} a chunk is lost once and arrives one
 *       {@link #RETRANSMIT retransmission timeout} later.</li>
 *   <li>Order: a chunk never arrives before the one sent ahead of it in the same direction (TCP
 *       delivers in order; a late chunk holds back the ones behind it).</li>
 * </ul>
 */
public final class LinkModel {

    /** Linux's minimum TCP retransmission timeout (TCP_RTO_MIN). */
    public static final Duration RETRANSMIT = Duration.ofMillis(200);

    private static final int MAX_WAITING_HALVES = 4096;

    /** Which way bytes flow: device → cloud is up. */
    public enum Direction { UP, DOWN }

    private final RandomGenerator random;
    private final long[] busyUntil = new long[2];
    private final long[] lastArrival = new long[2];
    private final Deque<Long> answerHalves = new ArrayDeque<>();

    public LinkModel(RandomGenerator random) {
        this.random = random;
        busyUntil[0] = busyUntil[1] = Long.MIN_VALUE;
        lastArrival[0] = lastArrival[1] = Long.MIN_VALUE;
    }

    /** When {@code bytes} handed to the link at {@code nowNanos} arrive at the other end, under {@code profile}. */
    public synchronized long arrivalNanos(Direction direction, long nowNanos, int bytes, WanProfile profile) {
        int d = direction.ordinal();
        long sent = Math.max(nowNanos, busyUntil[d]) + serialization(bytes, profile.bytesPerSecond(direction));
        busyUntil[d] = sent;
        long arrival = sent + oneWay(direction, profile.rtt());
        if (profile.lossPercent() > 0 && random.nextDouble() * 100 < profile.lossPercent()) {
            arrival += RETRANSMIT.toNanos();
        }
        arrival = Math.max(arrival, lastArrival[d]);
        lastArrival[d] = arrival;
        return arrival;
    }

    private long oneWay(Direction direction, RoundTrip rtt) {
        if (rtt instanceof RoundTrip.Fixed fixed) {
            return fixed.rtt().toNanos() / 2;
        }
        if (direction == Direction.DOWN && !answerHalves.isEmpty()) {
            return answerHalves.poll();
        }
        long roundTrip = rtt.nanosAt(random.nextDouble());
        long half = roundTrip / 2;
        if (direction == Direction.UP) {
            if (answerHalves.size() == MAX_WAITING_HALVES) {
                answerHalves.poll();
            }
            answerHalves.add(roundTrip - half);
        }
        return half;
    }

    private static long serialization(int bytes, long bytesPerSecond) {
        return bytesPerSecond <= 0 ? 0 : bytes * 1_000_000_000L / bytesPerSecond;
    }
}
