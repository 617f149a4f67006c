package io.edgetwin.core.ipc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The IPC wire format (docs/ipc.md): one JSON object per line. A message payload that is JSON travels
 * embedded as {@code payload}; anything else travels as the string {@code payloadText}, so a component
 * can answer a malformed request instead of the core dropping it.
 */
public final class Frames {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Frames() {
    }

    public static byte[] message(String source, String topic, byte[] payload) {
        boolean json = isJson(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + topic.length() + 64);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("op", "message");
            g.writeStringField("source", source);
            g.writeStringField("topic", topic);
            if (json) {
                g.writeFieldName("payload");
                // Valid JSON holds raw CR/LF only as whitespace between tokens (never inside strings), so
                // blanking them keeps the value exact and the frame on one line.
                g.writeRawValue(new String(payload, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' '));
            } else {
                g.writeStringField("payloadText", new String(payload, StandardCharsets.UTF_8));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    public static byte[] error(String request, String message) {
        return simple("error", request, message, null);
    }

    /** An error frame with {@code "code": "UNAUTHORIZED"}: no accessControl policy allows the request. */
    public static byte[] unauthorized(String request, String message) {
        return simple("error", request, message, "UNAUTHORIZED");
    }

    public static byte[] ok(String request) {
        return simple("ok", request, null, null);
    }

    private static byte[] simple(String op, String request, String message, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("op", op);
            if (request != null) {
                g.writeStringField("request", request);
            }
            if (message != null) {
                g.writeStringField("message", message);
            }
            if (code != null) {
                g.writeStringField("code", code);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** True when the bytes are exactly one well-formed JSON value (object, array or scalar). */
    public static boolean isJson(byte[] payload) {
        if (payload.length == 0) {
            return false;
        }
        try (JsonParser p = FACTORY.createParser(payload)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
