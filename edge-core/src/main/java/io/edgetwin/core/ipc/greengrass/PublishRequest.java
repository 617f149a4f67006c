package io.edgetwin.core.ipc.greengrass;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A {@code PublishToTopic} request read in one pass over its bytes with jackson-core's streaming parser:
 * the topic, and the message as the very bytes the component sent ({@code jsonMessage.message}'s text,
 * cut out of the request, not parsed into a tree and written again) or {@code binaryMessage.message}
 * decoded. This is the hot path of local pub/sub. Only the plain shape the official client sends is
 * read here; anything else ({@link #read} gives null) is left to the strict reader, which says what is
 * wrong the way every operation does.
 */
record PublishRequest(String topic, byte[] payload, boolean json) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    /** The request, or null when it is not one well-formed object of the plain shape. */
    static PublishRequest read(byte[] request) {
        try (JsonParser parser = JSON.createParser(request)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? root(parser, request) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static PublishRequest root(JsonParser parser, byte[] request) throws IOException {
        String topic = null;
        PublishRequest message = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("topic")) {
                if (topic != null || value != JsonToken.VALUE_STRING) {
                    return null;
                }
                topic = parser.getText();
            } else if (field.equals("publishMessage")) {
                if (message != null || value != JsonToken.START_OBJECT || (message = message(parser, request)) == null) {
                    return null;
                }
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null || topic == null || topic.isEmpty() || message == null) {
            return null;
        }
        return new PublishRequest(topic, message.payload(), message.json());
    }

    /** {@code publishMessage}: exactly one of {@code jsonMessage} and {@code binaryMessage}, each an object. */
    private static PublishRequest message(JsonParser parser, byte[] request) throws IOException {
        PublishRequest found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean json = field.equals("jsonMessage");
            if (json || field.equals("binaryMessage")) {
                if (found != null || value != JsonToken.START_OBJECT) {
                    return null;
                }
                byte[] payload = body(parser, request, json);
                if (payload == null) {
                    return null;
                }
                found = new PublishRequest("", payload, json);
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    /** {@code message} of a JSON message as its own bytes ({@code {}} when absent), of a binary one decoded. */
    private static byte[] body(JsonParser parser, byte[] request, boolean json) throws IOException {
        byte[] payload = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!field.equals("message")) {
                parser.skipChildren();
            } else if (payload != null) {
                return null;
            } else if (json) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                parser.finishToken();
                int end = (int) parser.currentLocation().getByteOffset();
                payload = Arrays.copyOfRange(request, start, end);
            } else if (value == JsonToken.VALUE_STRING) {
                payload = Base64.getDecoder().decode(parser.getText());
            } else if (value == JsonToken.VALUE_NULL) {
                payload = new byte[0];
            } else {
                return null;
            }
        }
        return payload != null ? payload : json ? EMPTY_OBJECT : new byte[0];
    }
}
