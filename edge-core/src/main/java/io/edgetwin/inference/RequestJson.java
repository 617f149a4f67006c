package io.edgetwin.inference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.edgetwin.core.document.PlainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference messages' JSON on jackson-core's streaming parser and {@link PlainJson}, with no object
 * mapper, so the component starts and answers without loading jackson-databind. A request is read into
 * a plain tree: objects as maps in document order (a repeated key keeps its last value), arrays as
 * lists, integers as {@code Integer}/{@code Long}/{@code BigInteger}, other numbers as {@code Double},
 * text, booleans and null. An answer (a plain tree) is written as compact JSON.
 */
final class RequestJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RequestJson() {
    }

    /** The payload's first JSON value as a plain tree, or null when the payload is missing, empty or not JSON. */
    static Object read(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, first);
        } catch (IOException e) {
            return null;
        }
    }

    /** The answer as compact UTF-8 JSON, keys in the map's order. */
    static byte[] write(Map<String, Object> answer) {
        return PlainJson.write(answer).getBytes(StandardCharsets.UTF_8);
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
