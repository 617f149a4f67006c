package io.edgetwin.core.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over the plain trees the readers build (maps, lists, text, numbers, booleans, null): a value
 * written as compact JSON text, a message read into a plain tree, and a JSON Pointer (RFC 6901) looked up,
 * with jackson-core's streaming parser and generator and no object mapper, so the core's everyday paths
 * (status, deployments, recipe variables) and the inference component's requests do not load
 * jackson-databind. Map keys that are not text (YAML allows numbers) are written as text.
 */
public final class PlainJson {

    private static final JsonFactory JSON = new JsonFactory();
    /** What a map holds under a key it does not have (null is a key holding JSON's null). */
    private static final Object NOTHING = new Object();

    private PlainJson() {
    }

    /** The value as compact JSON text, keys in the map's order. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(json, value);
        } catch (IOException e) {
            throw new IllegalStateException("a plain tree cannot be written as JSON", e);
        }
        return out.toString();
    }

    /**
     * A message's first JSON value as a plain tree, or null when the message is missing, empty or not JSON:
     * objects as maps in document order (a repeated key keeps its last value), arrays as lists, integers
     * as {@code Integer}/{@code Long}/{@code BigInteger}, other numbers as {@code Double}. Unlike a
     * document ({@link Documents}), no positions are kept: this is for messages on a hot path, bounded by
     * their transport and by jackson-core's own read constraints.
     */
    public static Object read(byte[] message) {
        if (message == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(message)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, first);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The text of the value at {@code pointer} ({@code ""} is the whole value, {@code /a/0/b~1c} a path) as
     * {@link #text} gives it, or empty when nothing is there.
     */
    public static Optional<String> textAt(Object value, String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("'" + Excerpt.of(pointer) + "' is not a JSON pointer; expected \"\" or a path"
                    + " starting with '/'");
        }
        Object here = value;
        for (String token : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (here instanceof Map<?, ?> map) {
                here = child(map, key);
            } else if (here instanceof List<?> list && key.matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(key) < list.size()) {
                here = list.get(Integer.parseInt(key));
            } else {
                return Optional.empty();
            }
            if (here == NOTHING) {
                return Optional.empty();
            }
        }
        return Optional.of(text(here));
    }

    /** Text, numbers and booleans as written; null as {@code null}; maps and lists as compact JSON. */
    public static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? write(value) : String.valueOf(value);
    }

    private static Object child(Map<?, ?> map, String key) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (String.valueOf(entry.getKey()).equals(key)) {
                return entry.getValue();
            }
        }
        return NOTHING;
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Number number) {
            number(json, number);
        } else {
            json.writeString(value.toString());
        }
    }

    private static void number(JsonGenerator json, Number number) throws IOException {
        if (number instanceof Double || number instanceof Float) {
            json.writeNumber(number.doubleValue());
        } else if (number instanceof java.math.BigInteger big) {
            json.writeNumber(big);
        } else if (number instanceof java.math.BigDecimal decimal) {
            json.writeNumber(decimal);
        } else {
            json.writeNumber(number.longValue());
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            object.put(key, value(parser, parser.nextToken()));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("unfinished object");
        }
        return object;
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unfinished array");
            }
            array.add(value(parser, token));
        }
        return array;
    }
}
