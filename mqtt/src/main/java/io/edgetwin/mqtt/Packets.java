package io.edgetwin.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the packets a client sends (MQTT 3.1.1), each as one array written with one call: fixed header
 * (type and flags, remaining length as 1 to 4 bytes of 7 bits), variable header, payload.
 */
final class Packets {

    static final int MAX_REMAINING_LENGTH = 268_435_455;
    static final byte[] PINGREQ = {(byte) 0xC0, 0};
    static final byte[] DISCONNECT = {(byte) 0xE0, 0};
    private static final byte[] PROTOCOL = {0, 4, 'M', 'Q', 'T', 'T', 4};
    private static final int CLEAN_SESSION = 0x02;
    private static final int RETAIN = 0x01;

    private Packets() {
    }

    /** CONNECT with a clean or a persistent session, no will, no credentials. */
    static byte[] connect(String clientId, int keepAliveSeconds, boolean cleanSession) {
        byte[] id = utf8(clientId);
        Out out = new Out(0x10, PROTOCOL.length + 3 + 2 + id.length);
        out.bytes(PROTOCOL).u8(cleanSession ? CLEAN_SESSION : 0).u16(keepAliveSeconds).string(id);
        return out.done();
    }

    /** PUBLISH, not retained; {@code id} is used (and must be 1 to 65535) only at QoS 1. */
    static byte[] publish(String topic, byte[] payload, int qos, int id) {
        return publish(topic, payload, qos, false, id);
    }

    /** PUBLISH; with {@code retain} the broker keeps it for later subscribers. */
    static byte[] publish(String topic, byte[] payload, int qos, boolean retain, int id) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("QoS " + qos + " for '" + topic + "'; expected 0 or 1");
        }
        byte[] name = utf8(topic);
        Out out = new Out(0x30 | qos << 1 | (retain ? RETAIN : 0), 2 + name.length + (qos > 0 ? 2 : 0) + payload.length);
        out.string(name);
        if (qos > 0) {
            out.u16(id);
        }
        return out.bytes(payload).done();
    }

    static byte[] pubAck(int id) {
        return new Out(0x40, 2).u16(id).done();
    }

    /** SUBSCRIBE to one filter at {@code qos}. */
    static byte[] subscribe(int id, String filter, int qos) {
        byte[] name = utf8(filter);
        return new Out(0x82, 2 + 2 + name.length + 1).u16(id).string(name).u8(qos).done();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes the remaining length {@code length} takes in the fixed header. */
    static int lengthBytes(int length) {
        return length < 128 ? 1 : length < 16_384 ? 2 : length < 2_097_152 ? 3 : 4;
    }

    /** One packet being written into an array of its exact size. */
    private static final class Out {
        private final byte[] bytes;
        private int at;

        Out(int firstByte, int remaining) {
            if (remaining > MAX_REMAINING_LENGTH) {
                throw new IllegalArgumentException("packet of " + remaining + " bytes; MQTT allows at most " + MAX_REMAINING_LENGTH);
            }
            bytes = new byte[1 + lengthBytes(remaining) + remaining];
            bytes[at++] = (byte) firstByte;
            int rest = remaining;
            do {
                int digit = rest & 0x7F;
                rest >>>= 7;
                bytes[at++] = (byte) (rest > 0 ? digit | 0x80 : digit);
            } while (rest > 0);
        }

        Out u8(int value) {
            bytes[at++] = (byte) value;
            return this;
        }

        Out u16(int value) {
            bytes[at++] = (byte) (value >>> 8);
            bytes[at++] = (byte) value;
            return this;
        }

        Out string(byte[] utf8) {
            if (utf8.length > 65535) {
                throw new IllegalArgumentException("string of " + utf8.length + " bytes; MQTT allows at most 65535");
            }
            return u16(utf8.length).bytes(utf8);
        }

        Out bytes(byte[] more) {
            System.arraycopy(more, 0, bytes, at, more.length);
            at += more.length;
            return this;
        }

        byte[] done() {
            return bytes;
        }
    }
}
