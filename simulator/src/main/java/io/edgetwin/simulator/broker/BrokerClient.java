package io.edgetwin.simulator.broker;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The harness's own MQTT client (Eclipse Paho): publishes requests and hands every message of its
 * subscriptions to the handlers whose filter matches, on Paho's callback thread. When the connection is
 * lost it tries again every {@link #REDIAL_INTERVAL} ({@link Redial}) and subscribes again, so after a
 * broker outage the harness can send again within half a second of the broker's return (most of it
 * Paho's own: every connect waits about 300 ms for its three threads to start, docs/performance.md);
 * the moments it connected are kept ({@link #connectedSince}) for the report's recovery figures.
 */
public final class BrokerClient implements AutoCloseable {

    /** How long the client waits between attempts to reconnect. */
    public static final Duration REDIAL_INTERVAL = Duration.ofMillis(50);
    private static final int MAX_IN_FLIGHT = 1000;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Long> connectedNanos = new CopyOnWriteArrayList<>();
    private final Redial redial = new Redial(REDIAL_INTERVAL, this::attempt, this::reconnected);
    /** Connected with its subscriptions made again; false from a lost connection until then. */
    private volatile boolean ready;

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
     * certificate and trusts the run CA), else plain TCP. With the broker's mTLS listener the client id is
     * replaced by the certificate's CN ({@code use_username_as_clientid}).
     */
    public BrokerClient(String uri, String clientId, boolean cleanSession, SSLContext tls) {
        try {
            client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client.setCallback(new Callback());
            options.setCleanSession(cleanSession);
            options.setMaxInflight(MAX_IN_FLIGHT);
            options.setSocketFactory(tls == null ? new NoDelaySocketFactory() : new TlsSocketFactory(tls));
            options.setAutomaticReconnect(false);
            client.connect(options).waitForCompletion(10_000);
            connectedNanos.add(System.nanoTime());
            ready = true;
        } catch (MqttException e) {
            throw new BrokerException("cannot connect to the broker at " + uri + " as " + clientId + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }

    public void subscribe(String filter, int qos, BiConsumer<String, byte[]> handler) {
        routes.add(new Route(filter, qos, handler));
        try {
            client.subscribe(filter, qos).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new BrokerException("cannot subscribe to " + filter + ": " + e.getMessage());
        }
    }

    /** Publishes; when Paho's in-flight window is full, waits for acks to drain instead of failing. */
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
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        while (true) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw new BrokerException("cannot publish to " + topic + ": " + e.getMessage());
                }
                LockSupport.parkNanos(50_000);
            }
        }
    }

    @Override
    public void close() {
        redial.close();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            closeClient();
        } catch (MqttException e) {
            // Closing at teardown: the broker is going away too.
        }
    }

    /** Paho refuses to close during a connection attempt; with the broker down one fails fast. */
    private void closeClient() throws MqttException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            try {
                client.close();
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECT_IN_PROGRESS || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
    }

    private record Route(String filter, int qos, BiConsumer<String, byte[]> handler) {
    }

    /** Whether the client is connected now. */
    public boolean isConnected() {
        return client.isConnected();
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
        while (!ready || !client.isConnected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    /** One attempt of the {@link Redial}: true when connected (or already connected). */
    private boolean attempt() {
        try {
            client.connect(options).waitForCompletion(5_000);
            return true;
        } catch (MqttException e) {
            return e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED;
        }
    }

    /**
     * Connected again: subscribes again (a clean session lost its subscriptions, and a persistent one may
     * have too, with a broker restarted without its persistence file), then notes the moment.
     */
    private void reconnected() {
        for (Route route : routes) {
            try {
                client.subscribe(route.filter(), route.qos()).waitForCompletion(5_000);
            } catch (MqttException e) {
                // The link dropped again; the next reconnect subscribes again.
            }
        }
        connectedNanos.add(System.nanoTime());
        ready = true;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectionLost(Throwable cause) {
            ready = false;
            redial.lost();
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            for (Route route : routes) {
                if (MqttTopic.isMatched(route.filter(), topic)) {
                    route.handler().accept(topic, message.getPayload());
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
