package io.edgetwin.simulator.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A fault a scenario injects at an offset from the start of the measured part (docs/scenarios.md,
 * {@code faults}). {@code twin} is 1-based; null means every twin of the variant. {@code length} is
 * how long the fault lasts ({@link Duration#ZERO}: it is a single event).
 */
public sealed interface Fault {

    Duration at();

    Duration length();

    Integer twin();

    /** The scenario's name for the kind, as events name it. */
    String kind();

    default Duration end() {
        return at().plus(length());
    }

    /** A neighbour component deployed at {@code at} and removed after {@code length}: a leak, a spinner or a crash loop. */
    record Neighbour(String kind, Duration at, Duration length, Integer twin, String component, String version,
                     Map<String, Object> configuration) implements Fault {
        public Neighbour {
            Objects.requireNonNull(component, "component");
            configuration = Map.copyOf(configuration);
        }
    }

    /** The run's Mosquitto is stopped at {@code at} and started again, on the same port, after {@code length}. */
    record BrokerOutage(Duration at, Duration length) implements Fault {
        @Override
        public Integer twin() {
            return null;
        }

        @Override
        public String kind() {
            return "broker-outage";
        }
    }

    /** The twin's container is killed (SIGKILL) and started again with its disk state after {@code length}. */
    record PowerLoss(Duration at, Duration length, Integer twin) implements Fault {
        @Override
        public String kind() {
            return "power-loss";
        }
    }

    /**
     * The link between a twin and the broker, through the twin's own proxy: cut, or added latency,
     * loss (a lost segment is retransmitted after {@link LinkConditions#RETRANSMIT}), and a bandwidth cap.
     */
    record Link(Duration at, Duration length, Integer twin, LinkConditions conditions) implements Fault {
        @Override
        public String kind() {
            return "link";
        }
    }

    /**
     * The twin's WAN link to the cloud inference service is cut for {@code length}: every connection
     * closed, new ones refused. Only twins of a cloud placement have such a link; on the others it is an
     * event and nothing else (their inference does not cross the WAN).
     */
    record WanOutage(Duration at, Duration length, Integer twin) implements Fault {
        @Override
        public String kind() {
            return "wan-outage";
        }
    }

    /** A deployment that changes a component's {@code systemResourceLimits} live. */
    record Limits(Duration at, Integer twin, String component, Long memoryKb, Double cpus) implements Fault {
        @Override
        public Duration length() {
            return Duration.ZERO;
        }

        @Override
        public String kind() {
            return "limits";
        }
    }

    /** {@code docker update} of the twin container's caps. */
    record DeviceCaps(Duration at, Integer twin, Long memoryBytes, Double cpus) implements Fault {
        @Override
        public Duration length() {
            return Duration.ZERO;
        }

        @Override
        public String kind() {
            return "device-caps";
        }
    }

    /**
     * An attack on the twin's identity or topics (docs/security.md): {@code rogue-publish} and
     * {@code rogue-subscribe} (another thing of the run tries the twin's topics with {@code messages}
     * messages: as an MQTT client of its own, or, {@code via: ipc}, as a component on the twin {@code from}
     * through Greengrass IPC and that twin's core), {@code foreign-ca} and {@code cert-expired} (a client
     * claims to be the twin with a certificate from another CA, or one that expired), {@code cert-revoked}
     * (the twin's own certificate is revoked and the twin made to connect again).
     */
    record Attack(String kind, Duration at, Integer twin, int messages, Via via, Integer from) implements Fault {
        public static final java.util.Set<String> KINDS = java.util.Set.of("rogue-publish", "rogue-subscribe", "foreign-ca",
                "cert-expired", "cert-revoked");
        /** The attacks that may run through IPC. */
        public static final java.util.Set<String> ROGUE = java.util.Set.of("rogue-publish", "rogue-subscribe");

        /** How a rogue reaches the broker: an MQTT client of its own, or a component through its core's connection. */
        public enum Via { MQTT, IPC }

        public Attack {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("'" + kind + "' is not an attack; expected one of " + new java.util.TreeSet<>(KINDS));
            }
            if (messages < 1 || messages > 10_000) {
                throw new IllegalArgumentException("an attack sends 1 to 10000 messages; got " + messages);
            }
            Objects.requireNonNull(via, "via");
            if (via == Via.IPC && !ROGUE.contains(kind)) {
                throw new IllegalArgumentException(kind + " cannot run via ipc; only " + new java.util.TreeSet<>(ROGUE) + " can");
            }
            if (from != null && (via != Via.IPC || from.equals(twin))) {
                throw new IllegalArgumentException("'from' names the attacking twin of a via: ipc attack, another than the victim");
            }
        }

        /**
         * Whether this attack acts on the victim's link to the broker: {@code cert-revoked} cuts it (through
         * the victim's link proxy) so that its core connects again and meets the revocation.
         */
        public boolean cutsTheLink() {
            return kind.equals("cert-revoked");
        }

        /** An attack by a client of its own (MQTT). */
        public Attack(String kind, Duration at, Integer twin, int messages) {
            this(kind, at, twin, messages, Via.MQTT, null);
        }

        @Override
        public Duration length() {
            return Duration.ZERO;
        }

        /** The 0-based twin that attacks {@code victim} (0-based) via IPC: {@code from}, or the next twin of a fleet of {@code size}. */
        public int attackerOf(int victim, int size) {
            return from != null ? from - 1 : (victim + 1) % size;
        }
    }
}
