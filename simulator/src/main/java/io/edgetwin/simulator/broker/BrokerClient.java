package io.edgetwin.simulator.broker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
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
 * subscriptions to the handlers whose filter matches, on Paho's callback thread.
 */
public final class BrokerClient implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 1000;

    private final MqttAsyncClient client;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public BrokerClient(String uri, String clientId) {
        this(uri, clientId, true);
    }

    /**
     * With {@code cleanSession} false the broker keeps the subscriptions and queues QoS 1 messages
     * while this client is away (across a broker restart, with persistence); either way it reconnects
     * on its own, at most two seconds apart.
     */
    public BrokerClient(String uri, String clientId, boolean cleanSession) {
        try {
            client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client.setCallback(new Callback());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(cleanSession);
            options.setMaxReconnectDelay(2_000);
            options.setMaxInflight(MAX_IN_FLIGHT);
            options.setSocketFactory(new NoDelaySocketFactory());
            options.setAutomaticReconnect(true);
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new BrokerException("cannot connect to the broker at " + uri + ": " + e.getMessage());
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
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            // Closing at teardown: the broker is going away too.
        }
    }

    private record Route(String filter, int qos, BiConsumer<String, byte[]> handler) {
    }

    /** Whether the client is connected now. */
    public boolean isConnected() {
        return client.isConnected();
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectionLost(Throwable cause) {
        }

        /**
         * After an automatic reconnect, subscribes again: a clean session lost its subscriptions, and a
         * persistent one may have too (a broker restarted without its persistence file).
         */
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            for (Route route : routes) {
                try {
                    client.subscribe(route.filter(), route.qos());
                } catch (MqttException e) {
                    // The link dropped again; the next reconnect subscribes again.
                }
            }
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
