package io.edgetwin.core.ipc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonPayloadIsEmbeddedAsAValueNotAString() throws IOException {
        JsonNode frame = parseOneLine(Frames.message("local", "ml/anomaly", bytes("{\"score\":0.93,\"labels\":[1,2]}")));

        assertEquals("message", frame.path("op").asText());
        assertEquals("local", frame.path("source").asText());
        assertEquals("ml/anomaly", frame.path("topic").asText());
        assertTrue(frame.path("payload").isObject(), frame.toString());
        assertEquals(0.93, frame.path("payload").path("score").asDouble());
        assertEquals(2, frame.path("payload").path("labels").size());
        assertFalse(frame.has("payloadText"));
    }

    @Test
    void jsonScalarPayloadIsEmbeddedToo() throws IOException {
        JsonNode frame = parseOneLine(Frames.message("cloud", "t", bytes("42")));

        assertTrue(frame.path("payload").isInt());
        assertEquals(42, frame.path("payload").asInt());
    }

    @Test
    void nonJsonPayloadTravelsAsPayloadText() throws IOException {
        JsonNode frame = parseOneLine(Frames.message("cloud", "t", bytes("not \"json\"\nat all")));

        assertEquals("not \"json\"\nat all", frame.path("payloadText").asText());
        assertFalse(frame.has("payload"));
    }

    @Test
    void prettyPrintedJsonPayloadStaysOnOneLine() throws IOException {
        String pretty = "{\r\n  \"a\" : \"x y\",\r\n  \"b\" : [ 1,\n 2 ]\n}\n";

        JsonNode frame = parseOneLine(Frames.message("cloud", "t", bytes(pretty)));

        assertEquals(JSON.readTree(pretty), frame.path("payload"));
    }

    @Test
    void numbersInAJsonPayloadKeepTheirExactText() {
        String frame = new String(Frames.message("cloud", "t", bytes("{\"v\":0.10000000000000000555}")), UTF_8);

        assertTrue(frame.contains("\"payload\":{\"v\":0.10000000000000000555}"), frame);
    }

    @Test
    void errorFrameNamesTheRequestAndTheReason() throws IOException {
        JsonNode frame = parseOneLine(Frames.error("subscribe", "topic is missing"));

        assertEquals("error", frame.path("op").asText());
        assertEquals("subscribe", frame.path("request").asText());
        assertEquals("topic is missing", frame.path("message").asText());
    }

    @Test
    void errorForAnUnreadableFrameHasNoRequest() throws IOException {
        JsonNode frame = parseOneLine(Frames.error(null, "frame is not JSON"));

        assertFalse(frame.has("request"));
    }

    @Test
    void okFrameNamesTheRequest() throws IOException {
        JsonNode frame = parseOneLine(Frames.ok("publish"));

        assertEquals("ok", frame.path("op").asText());
        assertEquals("publish", frame.path("request").asText());
        assertFalse(frame.has("message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "\"text\"", "0", "-1.5e3", "true", "null", "  {\"a\":{\"b\":[]}}\n"})
    void oneWellFormedValueIsJson(String payload) {
        assertTrue(Frames.isJson(bytes(payload)), payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{}{}", "{} {}", "1 2", "{} x", "{}]", "{\"a\":1", "{'a':1}", "hello",
            "\"raw\nnewline in a string\"", "NaN"})
    void emptyTwoValuesOrTrailingGarbageIsNotJson(String payload) {
        assertFalse(Frames.isJson(bytes(payload)), payload);
    }

    /** Parses a frame and checks the wire rule: exactly one line, ending in a newline. */
    private static JsonNode parseOneLine(byte[] frame) throws IOException {
        String text = new String(frame, UTF_8);
        assertTrue(text.endsWith("\n"), text);
        assertEquals(-1, text.substring(0, text.length() - 1).indexOf('\n'), text);
        assertEquals(-1, text.indexOf('\r'), text);
        return JSON.readTree(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
