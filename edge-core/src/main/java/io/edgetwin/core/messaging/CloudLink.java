package io.edgetwin.core.messaging;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.mqtt.BrokerAddress;
import io.edgetwin.mqtt.MqttConnection;
import io.edgetwin.mqtt.MqttFailure;
import io.edgetwin.mqtt.MqttListener;
import io.edgetwin.mqtt.MqttOptions;
import io.edgetwin.mqtt.TopicFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's MQTT connection to the cloud side (the core's own client, {@link MqttConnection}). Reconnects
 * on its own, trying every {@link #REDIAL_INTERVAL} ({@link Redial}), subscribes again after each reconnect,
 * and then announces the connection on {@code edgetwin/<thing>/connection} (QoS 1, docs/topics.md): the
 * moment the device can be reached again, stamped by its own clock. Subscriptions are dispatched here by
 * {@link TopicFilter}, so several components may share a filter; the dispatch runs on the connection's
 * reader thread, so subscribers must not block (IPC outboxes and Lambda queues only enqueue).
 *
 * <p>Publishing: while the link is up and nothing waits in the {@link Spooler}, a message is written to
 * the broker on the caller's thread; otherwise it is spooled (behind what already waits, so order is
 * kept) under the spooler's rules, and the {@link SpoolDrain} sends it once the link is up. A QoS 1
 * message that was written but lost with the connection before its PUBACK is spooled then, behind what
 * was spooled meanwhile. With {@link MqttOptions#core 1000} QoS 1 messages awaiting their PUBACK, a publisher
 * waits for the next PUBACK (or for the connection's end, when its message is spooled).
 * The link owns the spooler and closes it.
 */
public final class CloudLink implements CloudPort, AutoCloseable {

    static final Duration REDIAL_INTERVAL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(CloudLink.class);
    private static final Duration CLOSE_QUIESCE = Duration.ofSeconds(2);

    private final BrokerAddress broker;
    private final SocketFactory sockets;
    private final MqttOptions options;
    private final String clientId;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Spooler spool;
    private final SpoolDrain drain;
    private final Clock clock;
    private final String connectionTopic;
    private final Redial redial;
    private final Object dialing = new Object();
    private volatile MqttConnection connection;
    private volatile boolean closed;
    private volatile long lostAtMillis = -1;

    public CloudLink(String brokerUri, String clientId, Spooler spool) {
        this(brokerUri, clientId, spool, Clock.systemUTC());
    }

    /** {@code clock} stamps the connection announcements. */
    public CloudLink(String brokerUri, String clientId, Spooler spool, Clock clock) {
        this(brokerUri, clientId, spool, clock, new NoDelaySocketFactory());
    }

    /**
     * Connects through {@code sockets}: plain TCP, or mTLS with the thing's identity ({@link BrokerIdentity}).
     * A {@code brokerUri} other than {@code tcp://host:port} or {@code ssl://host:port} is an
     * {@link IllegalArgumentException} saying so.
     */
    public CloudLink(String brokerUri, String clientId, Spooler spool, Clock clock, SocketFactory sockets) {
        this.broker = BrokerAddress.parse(brokerUri);
        this.sockets = sockets;
        this.options = MqttOptions.core(clientId);
        this.clientId = clientId;
        this.spool = spool;
        this.drain = new SpoolDrain(spool, this::sendSpooled);
        this.clock = clock;
        this.connectionTopic = new Topics(clientId).connection();
        this.redial = new Redial(REDIAL_INTERVAL, this::attempt, this::reconnected);
        drain.recoverSoon();
    }

    /** Connects, retrying with backoff until {@code patience} is used up. */
    public void connect(Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoffMillis = 50;
        while (true) {
            try {
                dial();
                announce(false, 0);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("mqtt-connect-retry broker={} error={} backoffMs={}", broker, e.getMessage(), backoffMillis);
                LockSupport.parkNanos(Duration.ofMillis(backoffMillis).toNanos());
                backoffMillis = Math.min(backoffMillis * 2, 2_000);
            }
        }
    }

    /** One attempt of the {@link Redial}: true when connected (or already connected). */
    private boolean attempt() {
        try {
            dial();
            return true;
        } catch (IOException e) {
            LOG.debug("mqtt-redial-failed broker={} error={}", broker, e.getMessage());
            return false;
        }
    }

    /** Opens a connection unless one is open; one attempt at a time, none after close. */
    private void dial() throws IOException {
        synchronized (dialing) {
            if (closed) {
                throw new MqttFailure("the link is closed");
            }
            MqttConnection current = connection;
            if (current != null && current.isOpen()) {
                return;
            }
            connection = MqttConnection.open(broker, sockets, options, new Events());
        }
        LOG.info("mqtt-connected broker={} redialed={}", broker, lostAtMillis >= 0);
        drain.connected();
    }

    /** Connected again: the clean session lost its subscriptions, so they are made again before announcing. */
    private void reconnected() {
        for (String filter : routes.stream().map(r -> r.filter().filter()).distinct().toList()) {
            try {
                live().subscribe(filter, 1);
            } catch (MqttFailure e) {
                LOG.warn("mqtt-resubscribe-failed filter={} error={}", filter, e.getMessage());
            }
        }
        long lost = lostAtMillis;
        announce(true, lost < 0 ? 0 : Math.max(0, clock.millis() - lost));
    }

    /**
     * Says the link is up, straight to the broker, ahead of anything the spool still holds: the news is
     * that the device can be reached now, which a backlog would only delay. Lost with the connection, it
     * is not spooled: the next connection announces itself.
     */
    private void announce(boolean reconnect, long offlineMs) {
        String payload = "{\"thing\":\"" + clientId + "\",\"connected\":true,\"reconnect\":" + reconnect
                + ",\"offlineMs\":" + offlineMs + ",\"timestamp\":\"" + clock.instant() + "\"}";
        try {
            live().publish(connectionTopic, payload.getBytes(StandardCharsets.UTF_8), 1, error -> { });
        } catch (MqttFailure e) {
            LOG.debug("mqtt-announce-failed topic={} error={}", connectionTopic, e.getMessage());
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) {
        offer(new SpoolMessage(topic, payload, qos));
    }

    /** Sends or spools a message (see the class comment); never throws for a full or failing spool. */
    public PublishOutcome offer(SpoolMessage message) {
        if (isConnected() && spool.isEmpty()) {
            try {
                live().publish(message.topic(), message.payload(), message.qos(), new RespoolIfLost(message));
                return PublishOutcome.SENT;
            } catch (MqttFailure e) {
                LOG.debug("mqtt-publish-failed topic={} error={} action=spool", message.topic(), e.getMessage());
            }
        }
        PublishOutcome outcome = spool.offer(message, !isConnected());
        if (outcome == PublishOutcome.SPOOLED && isConnected()) {
            drain.wake();
        }
        return outcome;
    }

    /** What the spool did since start (for the status message). */
    public SpoolCounters spoolCounters() {
        return spool.counters();
    }

    private void sendSpooled(SpoolMessage message, Consumer<Throwable> done) {
        try {
            live().publish(message.topic(), message.payload(), message.qos(), done);
        } catch (MqttFailure e) {
            done.accept(e);
        }
    }

    /** The open connection, or a failure saying there is none. */
    private MqttConnection live() throws MqttFailure {
        MqttConnection current = connection;
        if (current == null || !current.isOpen()) {
            throw new MqttFailure("not connected to " + broker);
        }
        return current;
    }

    @Override
    public AutoCloseable subscribe(String filter, Subscriber subscriber) {
        Route route = new Route(new TopicFilter(filter), subscriber);
        routes.add(route);
        try {
            live().subscribe(filter, 1);
        } catch (MqttFailure e) {
            routes.remove(route);
            throw new IllegalArgumentException("cannot subscribe to '" + filter + "': " + e.getMessage());
        }
        return () -> routes.remove(route);
    }

    public boolean isConnected() {
        MqttConnection current = connection;
        return current != null && current.isOpen();
    }

    /**
     * Disconnects (after up to 2 s for the PUBACKs still due; what is still unacknowledged is spooled),
     * then closes the spool: a disk spool keeps what still waits for the next start. A connection attempt
     * under way finishes first (with the broker down it fails fast), so no connection outlives the link.
     */
    @Override
    public void close() {
        redial.close();
        drain.close();
        try {
            synchronized (dialing) {
                closed = true;
                MqttConnection current = connection;
                if (current != null) {
                    current.close(CLOSE_QUIESCE);
                }
            }
        } finally {
            spool.close();
        }
    }

    private record Route(TopicFilter filter, Subscriber subscriber) {
    }

    /** A direct QoS 1 publish that loses its connection before the PUBACK goes to the spool instead. */
    private final class RespoolIfLost implements Consumer<Throwable> {
        private final SpoolMessage message;

        RespoolIfLost(SpoolMessage message) {
            this.message = message;
        }

        @Override
        public void accept(Throwable error) {
            if (error != null && message.qos() == 1) {
                PublishOutcome outcome = spool.offer(message, true);
                LOG.debug("mqtt-publish-lost topic={} error={} outcome={}", message.topic(), error, outcome);
            }
        }
    }

    /** The connection's events, on its reader thread: routes dispatch incoming messages, a loss redials. */
    private final class Events implements MqttListener {
        @Override
        public void message(String topic, byte[] payload) {
            for (Route route : routes) {
                if (route.filter().matches(topic)) {
                    route.subscriber().deliver(topic, payload);
                }
            }
        }

        @Override
        public void lost(Throwable cause) {
            LOG.warn("mqtt-connection-lost error={}", String.valueOf(cause));
            lostAtMillis = clock.millis();
            drain.disconnected();
            redial.lost();
        }
    }
}
