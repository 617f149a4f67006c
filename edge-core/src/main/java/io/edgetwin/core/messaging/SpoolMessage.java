package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

/**
 * One message on its way to the cloud side. MQTT limits a topic to 65,535 UTF-8 bytes; the spool only
 * carries QoS 0 and 1 (Greengrass publishes to IoT Core with nothing else).
 */
public record SpoolMessage(String topic, byte[] payload, int qos) {

    static final int MAX_TOPIC_BYTES = 65_535;

    public SpoolMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        int topicBytes = topic.getBytes(UTF_8).length;
        if (topicBytes == 0 || topicBytes > MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException("topic '" + topic + "' has " + topicBytes
                    + " UTF-8 bytes; expected 1 to " + MAX_TOPIC_BYTES);
        }
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("topic '" + topic + "': QoS " + qos + "; expected 0 or 1");
        }
    }

    /** What the spool's size limit counts. */
    public int payloadBytes() {
        return payload.length;
    }
}
