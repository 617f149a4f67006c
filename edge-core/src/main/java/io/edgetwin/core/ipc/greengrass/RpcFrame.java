package io.edgetwin.core.ipc.greengrass;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.eventstream.HeaderType;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * One event-stream RPC message: its type, flags and stream id (the three headers every message carries),
 * the other headers, and the payload. Connection-level messages (CONNECT, CONNECT_ACK, PING...) use
 * stream 0; an operation uses the stream id its client chose.
 */
public record RpcFrame(MessageType type, int flags, int streamId, Map<String, HeaderValue> headers, byte[] payload) {

    public static final String MESSAGE_TYPE = ":message-type";
    public static final String MESSAGE_FLAGS = ":message-flags";
    public static final String STREAM_ID = ":stream-id";
    public static final String VERSION = ":version";
    public static final String CONTENT_TYPE = ":content-type";
    public static final String OPERATION = "operation";
    public static final String SERVICE_MODEL_TYPE = "service-model-type";
    public static final String APPLICATION_JSON = "application/json";
    /** CONNECT_ACK flag: the server accepted the connection. */
    public static final int CONNECTION_ACCEPTED = 1;
    /** Flag: this message ends the stream. */
    public static final int TERMINATE_STREAM = 2;

    private static final byte[] EMPTY = new byte[0];

    public RpcFrame {
        Objects.requireNonNull(type, "type");
        headers = Map.copyOf(headers);
        payload = payload == null ? EMPTY : payload;
    }

    /** Reads a decoded message; throws {@link ProtocolViolation} when a required header is missing or mistyped. */
    public static RpcFrame of(Message message) {
        Map<String, HeaderValue> headers = message.getHeaders();
        MessageType type = MessageType.of(integer(headers, MESSAGE_TYPE));
        return new RpcFrame(type, integer(headers, MESSAGE_FLAGS), integer(headers, STREAM_ID), headers,
                message.getPayload());
    }

    /** A message to send: {@code :content-type} JSON and, when given, the {@code service-model-type}. */
    public static RpcFrame json(MessageType type, int flags, int streamId, String modelType, byte[] payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(CONTENT_TYPE, HeaderValue.fromString(APPLICATION_JSON));
        if (modelType != null) {
            headers.put(SERVICE_MODEL_TYPE, HeaderValue.fromString(modelType));
        }
        return new RpcFrame(type, flags, streamId, headers, payload);
    }

    /** A connection-level message with a JSON {@code {"message": ...}} payload (PROTOCOL_ERROR, INTERNAL_ERROR). */
    public static RpcFrame connectionError(MessageType type, String message) {
        byte[] payload = ("{\"message\":" + JsonText.quote(message) + "}").getBytes(StandardCharsets.UTF_8);
        return json(type, 0, 0, null, payload);
    }

    public boolean terminates() {
        return (flags & TERMINATE_STREAM) != 0;
    }

    /** The string value of a header, or null when it is absent or not a string. */
    public String string(String name) {
        HeaderValue value = headers.get(name);
        return value != null && value.getType() == HeaderType.STRING ? value.getString() : null;
    }

    /** The whole message on the wire: prelude, headers, payload and both checksums. */
    public ByteBuffer encode() {
        Map<String, HeaderValue> all = new LinkedHashMap<>();
        all.put(MESSAGE_TYPE, HeaderValue.fromInteger(type.code()));
        all.put(MESSAGE_FLAGS, HeaderValue.fromInteger(flags));
        all.put(STREAM_ID, HeaderValue.fromInteger(streamId));
        headers.forEach((name, value) -> {
            if (!name.startsWith(":message-") && !name.equals(STREAM_ID)) {
                all.put(name, value);
            }
        });
        return new Message(all, payload).toByteBuffer();
    }

    private static int integer(Map<String, HeaderValue> headers, String name) {
        HeaderValue value = headers.get(name);
        if (value == null) {
            throw new ProtocolViolation("header " + name + " is missing; every event-stream RPC message carries "
                    + MESSAGE_TYPE + ", " + MESSAGE_FLAGS + " and " + STREAM_ID + " as int32");
        }
        if (value.getType() != HeaderType.INTEGER) {
            throw new ProtocolViolation("header " + name + " is a " + value.getType() + "; expected INTEGER (int32)");
        }
        return value.getInteger();
    }
}
