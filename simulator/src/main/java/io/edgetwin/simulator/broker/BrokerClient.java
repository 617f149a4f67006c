package io.edgetwin.simulator.broker;

import io.edgetwin.mqtt.BrokerAddress;
import io.edgetwin.mqtt.MqttConnection;
import io.edgetwin.mqtt.MqttFailure;
import io.edgetwin.mqtt.MqttListener;
import io.edgetwin.mqtt.MqttOptions;
import io.edgetwin.mqtt.TopicFilter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * The harness's MQTT client, on edgetwin's own MQTT connection ({@code io.edgetwin.mqtt}): a publish is
 * written on the caller's thread, and every message of its subscriptions is handed to the handlers whose
 * filter matches on the connection's reader thread, with no thread between the socket and either end of
 * the request path. Handlers must not block (a slow one holds every message behind it); they may publish.
 *
 * <p>When the connection is lost it tries again every {@link #REDIAL_INTERVAL} ({@link Redial}),
 * subscribes again, and sends again, in order, the QoS 1 messages the broker had not acknowledged, so
 * after a broker outage the harness can send again as soon as the broker is back; the moments it
 * connected are kept ({@link #connectedSince}) for the report's recovery figures. A publish while the
 * connection is down fails at once ({@link BrokerException}), as it does with a general-purpose client
 * without offline buffering.
 */
public final class BrokerClient implements AutoCloseable {

    /** How long the client waits between attempts to reconnect. */
    public static final Duration REDIAL_INTERVAL = Duration.ofMillis(50);
    /** Answers carry up to 1 MiB of a component's output besides their topic: room for both. */
    private static final int MAX_INCOMING_BYTES = 16 << 20;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String uri;
    private final BrokerAddress address;
    private final SocketFactory sockets;
    private final MqttOptions options;
    private final Listener listener = new Listener();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Long> connectedNanos = new CopyOnWriteArrayList<>();
    private final Redial redial = new Redial(REDIAL_INTERVAL, this::attempt, this::reconnected);
    /**
     * QoS 1 messages the broker had not acknowledged when the connection was lost, oldest first (the connection
     * fails its waiting messages in the order they were sent): the redial sends them again.
     */
    private final Queue<Outgoing> unacknowledged = new ConcurrentLinkedQueue<>();
    private volatile MqttConnection connection;
    /** Connected with its subscriptions made again; false from a lost connection until then. */
    private volatile boolean ready;
    private volatile boolean closed;

    public BrokerClient(String uri, String clientId) {
        this(uri, clientId, true);
    }

    /**
     * With {@code cleanSession} false the broker keeps the subscriptions and queues QoS 1 messages
     * while this client is away (across a broker restart, with persistence); either way it reconnects
     * on its own, {@link #REDIAL_INTERVAL} apart.
     */
    public BrokerClient(String uri, String clientId, boolean cleanSession) {
        this(uri, clientId, cleanSession, null);
    }

    /**
     * Over TLS when {@code tls} is given (an {@code ssl://} URI; the context presents the client's
     * certificate and trusts the run CA; the broker's certificate must name the URI's host), else plain
     * TCP. With the broker's mTLS listener the client id is replaced by the certificate's CN
     * ({@code use_username_as_clientid}).
     */
    public BrokerClient(String uri, String clientId, boolean cleanSession, SSLContext tls) {
        this.uri = uri;
        try {
            this.address = BrokerAddress.parse(uri);
            this.options = MqttOptions.core(clientId).withCleanSession(cleanSession).withKeepAlive(KEEP_ALIVE)
                    .withConnectTimeout(CONNECT_TIMEOUT).withMaxIncomingBytes(MAX_INCOMING_BYTES);
        } catch (IllegalArgumentException e) {
            throw new BrokerException("cannot connect to the broker at " + uri + " as " + clientId + ": " + e.getMessage());
        }
        this.sockets = tls == null ? SocketFactory.getDefault() : tls.getSocketFactory();
        try {
            connection = MqttConnection.open(address, sockets, options, listener);
        } catch (IOException e) {
            throw new BrokerException("cannot connect to the broker at " + uri + " as " + clientId + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
        connectedNanos.add(System.nanoTime());
        ready = true;
    }

    public void subscribe(String filter, int qos, BiConsumer<String, byte[]> handler) {
        TopicFilter parsed;
        try {
            parsed = new TopicFilter(filter);
        } catch (IllegalArgumentException e) {
            throw new BrokerException("cannot subscribe: " + e.getMessage());
        }
        routes.add(new Route(parsed, qos, handler));
        try {
            connection.subscribe(filter, qos);
        } catch (MqttFailure e) {
            throw new BrokerException("cannot subscribe to " + filter + ": " + e.getMessage());
        }
    }

    /**
     * Publishes on this thread; at QoS 1 it waits while 1000 messages await their acknowledgement, and a
     * message the broker has not acknowledged when the connection drops is sent again after the redial.
     */
    public void publish(String topic, byte[] payload, int qos) {
        publish(topic, payload, qos, false);
    }

    /**
     * Publishes a retained message: the broker keeps it and hands it to whoever subscribes later (an
     * empty payload clears it).
     */
    public void publishRetained(String topic, byte[] payload, int qos) {
        publish(topic, payload, qos, true);
    }

    private void publish(String topic, byte[] payload, int qos, boolean retained) {
        try {
            send(new Outgoing(topic, payload, qos, retained));
        } catch (MqttFailure e) {
            throw new BrokerException("cannot publish to " + topic + ": " + e.getMessage());
        }
    }

    /**
     * Writes {@code message}; at QoS 1, when the connection is lost before its PUBACK it is kept for the redial
     * (anything else — acknowledged, this client closed, a message too large — ends it).
     */
    private void send(Outgoing message) throws MqttFailure {
        connection.publish(message.topic(), message.payload(), message.qos(), message.retained(), error -> {
            if (message.qos() == 1 && error instanceof MqttFailure && !closed) {
                unacknowledged.add(message);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        redial.close();
        MqttConnection current = connection;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }

    private record Route(TopicFilter filter, int qos, BiConsumer<String, byte[]> handler) {
    }

    private record Outgoing(String topic, byte[] payload, int qos, boolean retained) {
    }

    /** Whether the client is connected now. */
    public boolean isConnected() {
        MqttConnection current = connection;
        return current != null && current.isOpen();
    }

    /**
     * The first moment ({@link System#nanoTime()}) at or after {@code sinceNanos} that this client's
     * connection (with its subscriptions) was up again; empty if it has not been since.
     */
    public OptionalLong connectedSince(long sinceNanos) {
        return connectedNanos.stream().mapToLong(Long::longValue).filter(t -> t >= sinceNanos).min();
    }

    /** Waits up to {@code patience} for the client to be connected; false if it is not by then. */
    public boolean awaitConnected(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!ready || !isConnected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    /** One attempt of the {@link Redial}: true when connected. */
    private boolean attempt() {
        try {
            MqttConnection next = MqttConnection.open(address, sockets, options, listener);
            if (closed) {
                next.close();
                return false;
            }
            connection = next;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Connected again: subscribes again (a clean session lost its subscriptions, and a persistent one may
     * have too, with a broker restarted without its persistence file), sends again what was not
     * acknowledged, then notes the moment.
     */
    private void reconnected() {
        for (Route route : routes) {
            try {
                connection.subscribe(route.filter().filter(), route.qos());
            } catch (MqttFailure e) {
                // The link dropped again; the next reconnect subscribes again.
            }
        }
        for (Outgoing message = unacknowledged.peek(); message != null; message = unacknowledged.peek()) {
            try {
                send(message);
            } catch (MqttFailure e) {
                break; // lost again before it went: it stays first for the next redial
            }
            unacknowledged.poll();
        }
        connectedNanos.add(System.nanoTime());
        ready = true;
    }

    @Override
    public String toString() {
        return "BrokerClient[" + uri + "]";
    }

    /** The connection's events: messages to the matching handlers, a loss to the redial. */
    private final class Listener implements MqttListener {
        @Override
        public void message(String topic, byte[] payload) {
            for (Route route : routes) {
                if (route.filter().matches(topic)) {
                    route.handler().accept(topic, payload);
                }
            }
        }

        @Override
        public void lost(Throwable cause) {
            ready = false;
            redial.lost();
        }
    }
}
