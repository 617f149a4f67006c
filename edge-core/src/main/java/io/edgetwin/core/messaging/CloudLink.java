package io.edgetwin.core.messaging;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.core.ipc.TopicFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's MQTT connection to the cloud side (Eclipse Paho). Reconnects on its own with backoff and
 * subscribes again after each reconnect; while offline, publishes are buffered in memory.
 * Subscriptions are dispatched here by {@link TopicFilter}, so several components may share a filter.
 */
public final class CloudLink implements CloudPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudLink.class);
    private static final int MAX_IN_FLIGHT = 1000;

    private final MqttAsyncClient client;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public CloudLink(String brokerUri, String clientId) throws MqttException {
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        client.setCallback(new Callback());
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(10_000);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
    }

    /** Connects, retrying with backoff until {@code patience} is used up. */
    public void connect(Duration patience) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setMaxInflight(MAX_IN_FLIGHT);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setKeepAliveInterval(10);
        long deadline = System.nanoTime() + patience.toNanos();
        long backoffMillis = 50;
        while (true) {
            try {
                client.connect(options).waitForCompletion(5_000);
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

    @Override
    public void publish(String topic, byte[] payload, int qos) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        while (true) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    LOG.warn("mqtt-publish-failed topic={} error={}", topic, e.getMessage());
                    return;
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

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.warn("mqtt-close-failed error={}", e.getMessage());
        }
    }

    private record Route(TopicFilter filter, Subscriber subscriber) {
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("mqtt-connected broker={} reconnect={}", serverUri, reconnect);
            if (reconnect) {
                routes.stream().map(r -> r.filter().filter()).distinct().forEach(this::resubscribe);
            }
        }

        private void resubscribe(String filter) {
            try {
                client.subscribe(filter, 1);
            } catch (MqttException e) {
                LOG.warn("mqtt-resubscribe-failed filter={} error={}", filter, e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warn("mqtt-connection-lost error={}", String.valueOf(cause));
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
