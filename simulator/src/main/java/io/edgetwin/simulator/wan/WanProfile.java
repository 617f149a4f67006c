package io.edgetwin.simulator.wan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a wide-area link between a device and the cloud behaves: its round-trip-time distribution, the
 * share of segments lost (each one delivered late by a TCP retransmission, see {@link LinkModel}) and
 * its bandwidth each way. The built-in profiles and where their numbers come from: docs/cloud.md,
 * "WAN profiles".
 *
 * @param upBytesPerSecond   device → cloud; 0 means no cap
 * @param downBytesPerSecond cloud → device; 0 means no cap
 */
public record WanProfile(String name, RoundTrip rtt, double lossPercent, long upBytesPerSecond, long downBytesPerSecond) {

    /** A link that adds nothing: what a twin's broker link is until a fault changes it. */
    public static final WanProfile CLEAR = new WanProfile("clear", RoundTrip.ZERO, 0, 0, 0);

    private static final long MBIT = 1_000_000 / 8;

    private static final Map<String, WanProfile> BUILT_IN = builtIn();

    public WanProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rtt, "rtt");
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("loss " + lossPercent + "% must be between 0 and 100");
        }
        if (upBytesPerSecond < 0 || downBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth " + upBytesPerSecond + "/" + downBytesPerSecond
                    + " B/s must not be negative");
        }
    }

    /** The built-in profile called {@code name}, if there is one. */
    public static Optional<WanProfile> named(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** The built-in profiles' names, in the order docs/cloud.md lists them. */
    public static java.util.Set<String> names() {
        return BUILT_IN.keySet();
    }

    /** The bandwidth toward {@code direction}'s receiver, 0 for none. */
    public long bytesPerSecond(LinkModel.Direction direction) {
        return direction == LinkModel.Direction.UP ? upBytesPerSecond : downBytesPerSecond;
    }

    private static Map<String, WanProfile> builtIn() {
        Map<String, WanProfile> profiles = new LinkedHashMap<>();
        put(profiles, new WanProfile("wired",
                RoundTrip.quantiles(0, 5, 0.5, 10, 0.9, 15, 0.99, 30, 1, 60), 0.1, 20 * MBIT, 100 * MBIT));
        put(profiles, new WanProfile("lte-good",
                RoundTrip.quantiles(0, 20, 0.5, 35, 0.9, 55, 0.99, 90, 1, 150), 0.5, 6 * MBIT, 13 * MBIT));
        put(profiles, new WanProfile("lte-poor",
                RoundTrip.quantiles(0, 30, 0.5, 80, 0.9, 200, 0.99, 400, 1, 800), 2, MBIT, 5 * MBIT));
        put(profiles, new WanProfile("satellite",
                RoundTrip.quantiles(0, 20, 0.25, 40, 0.5, 50, 0.75, 60, 0.99, 150, 1, 250), 1, 10 * MBIT, 100 * MBIT));
        put(profiles, new WanProfile("satellite-geo",
                RoundTrip.quantiles(0, 520, 0.5, 600, 0.99, 800, 1, 1200), 0.5, 10 * MBIT, 100 * MBIT));
        return java.util.Collections.unmodifiableMap(profiles);
    }

    private static void put(Map<String, WanProfile> profiles, WanProfile profile) {
        profiles.put(profile.name(), profile);
    }
}
