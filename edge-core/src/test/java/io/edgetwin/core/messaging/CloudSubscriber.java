package io.edgetwin.core.messaging;

import io.edgetwin.mqtt.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The cloud side of the core's link tests: a general-purpose client (Eclipse Paho) with a persistent
 * session, so it misses nothing while both sides reconnect.
 */
final class CloudSubscriber {

    private CloudSubscriber() {
    }

    /** Connected to {@code broker} and subscribed to {@code topic} at QoS 1, handing every payload to {@code payloads}. */
    static MqttAsyncClient persistent(MosquittoBroker broker, String clientId, String topic, Consumer<String> payloads)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker.uri(), clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String arrivedOn, MqttMessage message) {
                payloads.accept(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1_000);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(topic, 1).waitForCompletion(10_000);
        return client;
    }
}
