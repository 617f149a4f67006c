package io.edgetwin.mqtt;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the packets a client receives, one at a time, from a stream. A packet is read whole before it is
 * decoded, and only after its remaining length was checked against the limit: a peer cannot make the
 * reader allocate more than {@code maxRemainingLength} bytes. Anything that is not a well-formed CONNACK,
 * PUBLISH (QoS 0 or 1), PUBACK, SUBACK or PINGRESP is a {@link MqttFailure} naming what was wrong.
 */
final class PacketReader {

    private final InputStream in;
    private final int maxRemainingLength;

    PacketReader(InputStream in, int maxRemainingLength) {
        this.in = in;
        this.maxRemainingLength = maxRemainingLength;
    }

    /** The next packet; {@link EOFException} when the stream ends between packets or inside one. */
    Packet next() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the broker closed the connection");
        }
        int length = remainingLength();
        if (length > maxRemainingLength) {
            throw new MqttFailure("malformed packet: remaining length " + length + " bytes (type " + (first >>> 4)
                    + "); this client accepts at most " + maxRemainingLength);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("truncated packet: " + body.length + " of " + length + " bytes (type " + (first >>> 4)
                    + ") before the connection closed");
        }
        try {
            return decode(first, ByteBuffer.wrap(body));
        } catch (BufferUnderflowException e) {
            throw new MqttFailure("malformed packet: type " + (first >>> 4) + " shorter than its fields (" + length + " bytes)");
        }
    }

    private int remainingLength() throws IOException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("truncated packet: the connection closed inside a remaining length");
            }
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MqttFailure("malformed packet: remaining length longer than 4 bytes");
    }

    private static Packet decode(int first, ByteBuffer body) throws MqttFailure {
        int type = first >>> 4;
        int flags = first & 0x0F;
        return switch (type) {
            case 2 -> exact(body, 2, "CONNACK", new Packet.ConnAck((body.get() & 1) == 1, body.get() & 0xFF));
            case 3 -> publish(flags, body);
            case 4 -> exact(body, 2, "PUBACK", new Packet.PubAck(u16(body)));
            case 9 -> exact(body, 3, "SUBACK", new Packet.SubAck(u16(body), body.get() & 0xFF));
            case 13 -> exact(body, 0, "PINGRESP", new Packet.PingResp());
            default -> throw new MqttFailure("malformed packet: type " + type + " is not one a client receives here"
                    + " (expected CONNACK, PUBLISH, PUBACK, SUBACK or PINGRESP)");
        };
    }

    private static Packet exact(ByteBuffer body, int length, String name, Packet packet) throws MqttFailure {
        if (body.limit() != length) {
            throw new MqttFailure("malformed packet: " + name + " of " + body.limit() + " bytes; expected " + length);
        }
        return packet;
    }

    private static Packet publish(int flags, ByteBuffer body) throws MqttFailure {
        int qos = (flags >>> 1) & 3;
        if (qos > 1) {
            throw new MqttFailure("malformed packet: PUBLISH at QoS " + qos + "; the core subscribes at QoS 0 or 1");
        }
        int topicLength = u16(body);
        if (topicLength > body.remaining()) {
            throw new MqttFailure("malformed packet: PUBLISH topic of " + topicLength + " bytes in " + body.limit());
        }
        String topic = text(body.slice(body.position(), topicLength));
        body.position(body.position() + topicLength);
        int id = qos > 0 ? u16(body) : 0;
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        return new Packet.Publish(topic, payload, qos, id);
    }

    private static String text(ByteBuffer utf8) throws MqttFailure {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(utf8).toString();
        } catch (CharacterCodingException e) {
            throw new MqttFailure("malformed packet: PUBLISH topic is not UTF-8");
        }
    }

    private static int u16(ByteBuffer body) {
        return body.getShort() & 0xFFFF;
    }
}
