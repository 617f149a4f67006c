package io.edgetwin.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a run's twins reach the broker (docs/scenarios.md, "How twins reach the broker"): {@link Direct}, the
 * core dials the broker's own listener on 127.0.0.1, or {@link Proxied}, each twin through a
 * {@link LinkProxy} of its own, because something in the run acts on that link: a {@code link} fault
 * (cut, latency, loss, bandwidth) or a {@code cert-revoked} attack (which cuts the victim's link so its
 * core dials again), or twins that meet the broker at an address other than loopback (a swarm's advertise
 * address, which the proxies carry to the broker on loopback). Decided once per run, for every twin alike:
 * a fault on one twin is then measured against neighbours on the same path, and a variant's figures,
 * gathered over all its twins, never mix two paths.
 */
public sealed interface LinkRoute {

    /** The address at which twins on this host meet a broker listening on loopback. */
    String LOOPBACK = "127.0.0.1";

    /** The run's line, e.g. {@code link: direct (...)} or {@code link: through the link proxy (faults: ...)}. */
    String describe();

    /** Whether each twin gets a {@link LinkProxy}. */
    default boolean proxied() {
        return this instanceof Proxied;
    }

    /** Each twin's core connects straight to the broker's listener. */
    record Direct() implements LinkRoute {
        @Override
        public String describe() {
            return "link: direct (each twin's core connects straight to the broker; the run injects no link fault)";
        }
    }

    /** Each twin reaches the broker through its own proxy, for {@code reasons} (never empty). */
    record Proxied(List<String> reasons) implements LinkRoute {
        public Proxied {
            reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a proxied link needs a reason; with none the link is direct");
            }
        }

        @Override
        public String describe() {
            return "link: through the link proxy (" + String.join("; ", reasons) + ")";
        }
    }

    /** The route of a run with {@code faults} whose twins meet the broker at {@code hostAddress}. */
    static LinkRoute of(List<Fault> faults, String hostAddress) {
        List<String> reasons = new ArrayList<>();
        List<String> acting = faults.stream().filter(LinkRoute::actsOnTheLink).map(LinkRoute::name).toList();
        if (!acting.isEmpty()) {
            reasons.add("faults: " + String.join(", ", acting));
        }
        if (!LOOPBACK.equals(hostAddress)) {
            reasons.add("twins meet the broker at " + hostAddress + ", which the proxies carry to its listener on "
                    + LOOPBACK);
        }
        return reasons.isEmpty() ? new Direct() : new Proxied(reasons);
    }

    /** Whether {@code fault} changes a twin's link to the broker, which only its proxy can do. */
    static boolean actsOnTheLink(Fault fault) {
        return fault instanceof Fault.Link || fault instanceof Fault.Attack attack && attack.cutsTheLink();
    }

    private static String name(Fault fault) {
        String twin = fault.twin() == null ? "every twin" : "twin " + fault.twin();
        return fault.kind() + " at " + seconds(fault.at()) + " on " + twin;
    }

    private static String seconds(Duration at) {
        return at.toMillis() % 1000 == 0 ? at.toSeconds() + " s" : at.toMillis() + " ms";
    }
}
