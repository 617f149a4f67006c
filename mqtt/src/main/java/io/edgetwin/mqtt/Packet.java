package io.edgetwin.mqtt;

import java.util.Objects;

/** A packet a client receives from the broker (MQTT 3.1.1), as {@link PacketReader} decodes it. */
sealed interface Packet {

    /** CONNACK: {@code code} 0 is accepted, 1 to 5 are refusals. */
    record ConnAck(boolean sessionPresent, int code) implements Packet {
    }

    /** PUBLISH at QoS 0 (no packet id, {@code id} 0) or 1. */
    record Publish(String topic, byte[] payload, int qos, int id) implements Packet {
        public Publish {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** PUBACK for our QoS 1 PUBLISH {@code id}. */
    record PubAck(int id) implements Packet {
    }

    /** SUBACK for our SUBSCRIBE {@code id}: the granted QoS, or 0x80 for a refusal. */
    record SubAck(int id, int code) implements Packet {
        boolean refused() {
            return code == 0x80;
        }
    }

    /** PINGRESP. */
    record PingResp() implements Packet {
    }
}
