package io.edgetwin.simulator.attack;

import io.edgetwin.simulator.broker.NoDelaySocketFactory;
import io.edgetwin.simulator.broker.TlsSocketFactory;
import java.time.Duration;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * An MQTT 5 client (Eclipse Paho) that attacks with whatever certificate it is given. MQTT 5 because
 * Mosquitto answers a PUBLISH the topic policy forbids with reason code 135 (not authorized) there,
 * where MQTT 3.1.1 acknowledges it as if it were delivered; a forbidden SUBSCRIBE is granted on both and
 * simply delivers nothing (Mosquitto 2.0 with {@code acl_file}), so subscriptions are judged by what
 * arrives.
 */
public final class RogueClient implements AutoCloseable {

    /** MQTT 5's "Not authorized". */
    public static final int NOT_AUTHORIZED = 135;

    private final MqttAsyncClient client;

    private RogueClient(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects to {@code uri} presenting {@code tls}'s certificate (null: plain TCP, no certificate); a
     * refused handshake or CONNECT is a {@link Refused} naming why.
     */
    public static RogueClient connect(String uri, String clientId, SSLContext tls, Duration patience,
                                      BiConsumer<String, byte[]> messages) throws Refused {
        try {
            MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client.setCallback(new Callback(messages));
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout((int) Math.max(1, patience.toSeconds()));
            options.setSocketFactory(tls == null ? new NoDelaySocketFactory() : new TlsSocketFactory(tls));
            try {
                client.connect(options).waitForCompletion(patience.toMillis());
            } catch (MqttException e) {
                client.close(true);
                throw new Refused(e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            }
            return new RogueClient(client);
        } catch (MqttException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** Publishes at QoS 1 and says whether the broker refused it (reason code 135). */
    public boolean publishRefused(String topic, byte[] payload, Duration patience) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(patience.toMillis());
            for (int code : token.getReasonCodes() == null ? new int[0] : token.getReasonCodes()) {
                if (code >= 0x80) {
                    return true;
                }
            }
            return false;
        } catch (MqttException e) {
            return e.getReasonCode() >= 0x80;
        }
    }

    /** Subscribes at QoS 1; the broker grants even a forbidden filter, it only never delivers on it. */
    public void subscribe(String filter, Duration patience) {
        try {
            client.subscribe(filter, 1).waitForCompletion(patience.toMillis());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot subscribe to " + filter + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing at the end of an attack: nothing to keep
        }
    }

    /** The broker refused the connection; the message says how (TLS alert, CONNACK code). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private record Callback(BiConsumer<String, byte[]> messages) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.accept(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
