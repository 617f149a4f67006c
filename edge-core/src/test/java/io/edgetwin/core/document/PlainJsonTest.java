package io.edgetwin.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonTest {

    @Test
    void requestIsReadAsAPlainTreeWithIntegersAndDecimalsKept() {
        Object request = read("{\"id\":7,\"input\":[1,0.5,-2.5e-1,12345678901],\"tag\":{\"a\":[true,null]}}");

        assertEquals(Map.of("id", 7, "input", List.of(1, 0.5, -0.25, 12345678901L),
                "tag", Map.of("a", java.util.Arrays.asList(true, null))), request);
    }

    @Test
    void payloadThatIsNotJsonOrEmptyReadsAsNothing() {
        assertNull(read("{\"a\":"));
        assertNull(read("[1,2"));
        assertNull(read("not json {"));
        assertNull(read(""));
        assertNull(PlainJson.read(null));
    }

    @Test
    void answerIsWrittenCompactInItsKeysOrderWithTheRequestsIdAsItCame() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", read("{\"id\":1.5}") instanceof Map<?, ?> m ? m.get("id") : null);
        answer.put("inference-results", List.of(Map.of("Label", "ok")));
        answer.put("inferenceMicros", 250L);

        assertEquals("{\"id\":1.5,\"inference-results\":[{\"Label\":\"ok\"}],\"inferenceMicros\":250}",
                PlainJson.write(answer));
    }

    private static Object read(String text) {
        return PlainJson.read(text.getBytes(StandardCharsets.UTF_8));
    }
}
