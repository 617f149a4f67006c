package io.edgetwin.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.status.StatusMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The spool's counters in the status message, as docs/topics.md documents them. */
class SpoolStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpoolCounters COUNTERS = new SpoolCounters("Disk", 2_621_440, 12, 4096, 40, 28, 3, 1, 2, 4);

    @Test
    void statusCarriesEveryCounterUnderSpool() throws IOException {
        JsonNode spool = status(COUNTERS).path("spool");

        assertEquals("Disk", spool.path("storage").asText());
        assertEquals(2_621_440, spool.path("maxBytes").asLong());
        assertEquals(12, spool.path("messages").asLong());
        assertEquals(4096, spool.path("bytes").asLong());
        assertEquals(40, spool.path("spooled").asLong());
        assertEquals(28, spool.path("delivered").asLong());
        assertEquals(3, spool.path("droppedQos0").asLong());
        assertEquals(1, spool.path("refusedQos1").asLong());
        assertEquals(2, spool.path("corrupt").asLong());
        assertEquals(4, spool.path("retriesExhausted").asLong());
    }

    @Test
    void fieldsMatchTheExampleInTopicsMd() throws IOException {
        assertEquals(fields(documentedExample().path("spool")), fields(status(COUNTERS).path("spool")));
    }

    @Test
    void withoutCountersThereIsNoSpoolField() throws IOException {
        assertFalse(JSON.readTree(StatusMessage.of("dev-1", "RUNNING", Instant.EPOCH, 1, caps(), memory(), null, List.of()))
                .has("spool"));
    }

    private static JsonNode status(SpoolCounters counters) throws IOException {
        return JSON.readTree(StatusMessage.of("dev-1", "RUNNING", Instant.EPOCH, 1, caps(), memory(), null, List.of(), counters));
    }

    private static DeviceCaps caps() {
        return new DeviceCaps(805306368, 805306368, 1.0, 512);
    }

    private static DeviceCgroup.MemoryUse memory() {
        return new DeviceCgroup.MemoryUse(1, 2, 0);
    }

    /** The json example of the "In the status message" part of docs/topics.md (Maven runs tests in the module directory). */
    private static JsonNode documentedExample() throws IOException {
        String topics = Files.readString(Path.of("../docs/topics.md"));
        Matcher block = Pattern.compile("### In the status message.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(topics);
        assertTrue(block.find(), "docs/topics.md documents the spool counters with a json example");
        return JSON.readTree(block.group(1));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> fields = new TreeSet<>();
        node.fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
