package io.edgetwin.core.messaging;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.core.ipc.TopicFilter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's MQTT connection to the cloud side (Eclipse Paho). Reconnects on its own, trying every
 * {@link #REDIAL_INTERVAL} ({@link Redial}), subscribes again after each reconnect, and then announces the
 * connection on {@code edgetwin/<thing>/connection} (QoS 1, docs/topics.md): the moment the device can be
 * reached again, stamped by its own clock. Subscriptions are dispatched here by {@link TopicFilter}, so
 * several components may share a filter.
 *
 * <p>Publishing: while the link is up and nothing waits in the {@link Spooler}, a message goes straight to
 * Paho; otherwise it is spooled (behind what already waits, so order is kept) under the spooler's rules,
 * and the {@link SpoolDrain} sends it once the link is up. A QoS 1 message that was handed to Paho but
 * lost with the connection before its PUBACK is spooled then, behind what was spooled meanwhile.
 * The link owns the spooler and closes it.
 */
public final class CloudLink implements CloudPort, AutoCloseable {

    static final Duration REDIAL_INTERVAL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(CloudLink.class);
    private static final int MAX_IN_FLIGHT = 1000;

    private final MqttAsyncClient client;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Spooler spool;
    private final SpoolDrain drain;
    private final Clock clock;
    private final String connectionTopic;
    private final Redial redial;
    private final MqttConnectOptions options = options();
    private volatile long lostAtMillis = -1;

    public CloudLink(String brokerUri, String clientId, Spooler spool) throws MqttException {
        this(brokerUri, clientId, spool, Clock.systemUTC());
    }

    /** {@code clock} stamps the connection announcements. */
    public CloudLink(String brokerUri, String clientId, Spooler spool, Clock clock) throws MqttException {
        this(brokerUri, clientId, spool, clock, new NoDelaySocketFactory());
    }

    /** Connects through {@code sockets}: plain TCP, or mTLS with the thing's identity ({@link BrokerIdentity}). */
    public CloudLink(String brokerUri, String clientId, Spooler spool, Clock clock, SocketFactory sockets) throws MqttException {
        options.setSocketFactory(sockets);
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        this.spool = spool;
        this.drain = new SpoolDrain(spool, this::sendSpooled);
        this.clock = clock;
        this.connectionTopic = new Topics(clientId).connection();
        this.redial = new Redial(REDIAL_INTERVAL, this::attempt, this::reconnected);
        client.setCallback(new Callback());
        drain.recoverSoon();
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        options.setCleanSession(true);
        options.setMaxInflight(MAX_IN_FLIGHT);
        options.setKeepAliveInterval(10);
        return options;
    }

    /** Connects, retrying with backoff until {@code patience} is used up. */
    public void connect(Duration patience) throws MqttException {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoffMillis = 50;
        while (true) {
            try {
                client.connect(options).waitForCompletion(5_000);
                announce(false, 0);
                return;
            } catch (MqttException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("mqtt-connect-retry broker={} error={} backoffMs={}", client.getServerURI(), e.getMessage(), backoffMillis);
                LockSupport.parkNanos(Duration.ofMillis(backoffMillis).toNanos());
                backoffMillis = Math.min(backoffMillis * 2, 2_000);
            }
        }
    }

    /** One attempt of the {@link Redial}: true when connected (or already connected). */
    private boolean attempt() {
        try {
            client.connect(options).waitForCompletion(5_000);
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED) {
                return true;
            }
            LOG.debug("mqtt-redial-failed broker={} error={}", client.getServerURI(), e.getMessage());
            return false;
        }
    }

    /** Connected again: the clean session lost its subscriptions, so they are made again before announcing. */
    private void reconnected() {
        for (String filter : routes.stream().map(r -> r.filter().filter()).distinct().toList()) {
            try {
                client.subscribe(filter, 1).waitForCompletion(5_000);
            } catch (MqttException e) {
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
        String payload = "{\"thing\":\"" + client.getClientId() + "\",\"connected\":true,\"reconnect\":" + reconnect
                + ",\"offlineMs\":" + offlineMs + ",\"timestamp\":\"" + clock.instant() + "\"}";
        try {
            publishWithinWindow(new SpoolMessage(connectionTopic, payload.getBytes(StandardCharsets.UTF_8), 1), null);
        } catch (MqttException e) {
            LOG.debug("mqtt-announce-failed topic={} error={}", connectionTopic, e.getMessage());
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) {
        offer(new SpoolMessage(topic, payload, qos));
    }

    /** Sends or spools a message (see the class comment); never throws for a full or failing spool. */
    public PublishOutcome offer(SpoolMessage message) {
        if (client.isConnected() && spool.isEmpty()) {
            try {
                publishWithinWindow(message, new RespoolIfLost(message));
                return PublishOutcome.SENT;
            } catch (MqttException e) {
                LOG.debug("mqtt-publish-failed topic={} error={} action=spool", message.topic(), e.getMessage());
            }
        }
        PublishOutcome outcome = spool.offer(message, !client.isConnected());
        if (outcome == PublishOutcome.SPOOLED && client.isConnected()) {
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
            publishWithinWindow(message, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accept(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    done.accept(error);
                }
            });
        } catch (MqttException e) {
            done.accept(e);
        }
    }

    private void publishWithinWindow(SpoolMessage message, IMqttActionListener listener) throws MqttException {
        MqttMessage mqtt = new MqttMessage(message.payload());
        mqtt.setQos(message.qos());
        while (true) {
            try {
                client.publish(message.topic(), mqtt, null, listener);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                // Paho's window is full below the broker's limit (PLATFORM.md): let acks drain, then retry.
                LockSupport.parkNanos(100_000);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String filter, Subscriber subscriber) {
        Route route = new Route(new TopicFilter(filter), subscriber);
        routes.add(route);
        try {
            client.subscribe(filter, 1).waitForCompletion(5_000);
        } catch (MqttException e) {
            routes.remove(route);
            throw new IllegalArgumentException("cannot subscribe to '" + filter + "': " + e.getMessage());
        }
        return () -> routes.remove(route);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Disconnects, then closes the spool: a disk spool keeps what still waits for the next start. */
    @Override
    public void close() {
        redial.close();
        drain.close();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            closeClient();
        } catch (MqttException e) {
            LOG.warn("mqtt-close-failed error={}", e.getMessage());
        } finally {
            spool.close();
        }
    }

    /**
     * Paho refuses to close while a connection attempt is under way, and a client left open may still
     * connect under the thing's client id: wait out the attempt (with the broker down it fails fast).
     */
    private void closeClient() throws MqttException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            try {
                client.close();
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECT_IN_PROGRESS || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    private record Route(TopicFilter filter, Subscriber subscriber) {
    }

    /** A direct QoS 1 publish that loses its connection before the PUBACK goes to the spool instead. */
    private final class RespoolIfLost implements IMqttActionListener {
        private final SpoolMessage message;

        RespoolIfLost(SpoolMessage message) {
            this.message = message;
        }

        @Override
        public void onSuccess(IMqttToken token) {
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            if (message.qos() == 1) {
                PublishOutcome outcome = spool.offer(message, true);
                LOG.debug("mqtt-publish-lost topic={} error={} outcome={}", message.topic(), error, outcome);
            }
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("mqtt-connected broker={} redialed={}", serverUri, lostAtMillis >= 0);
            drain.connected();
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warn("mqtt-connection-lost error={}", String.valueOf(cause));
            lostAtMillis = clock.millis();
            drain.disconnected();
            redial.lost();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            for (Route route : routes) {
                if (route.filter().matches(topic)) {
                    route.subscriber().deliver(topic, payload);
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
