package io.edgetwin.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.core.component.ComponentState;
import io.edgetwin.core.component.ComponentStatus;
import io.edgetwin.core.component.StatusCode;
import io.edgetwin.core.deployment.DeploymentOutcome;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-26T13:10:01.700Z");
    private static final DeviceCaps CAPS = new DeviceCaps(805306368, 1073741824, 1.5, 512);
    private static final DeviceCgroup.MemoryUse MEMORY = new DeviceCgroup.MemoryUse(142561280, 142565376, 2);

    private static final ComponentStatus INFERENCE = new ComponentStatus("com.edgetwin.Inference", "1.0.0",
            ComponentState.RUNNING, StatusCode.NONE, true, 1, new ResourceLimits(OptionalLong.of(524288), OptionalDouble.of(0.75)),
            true, "OOM_KILLED exit 137", new ResourceSample(115662848, 115695616, 1297722992, 36, 9, 463199345, 11, 1));
    private static final ComponentStatus HOG = new ComponentStatus("com.edgetwin.CpuHog", "1.0.0",
            ComponentState.ERRORED, StatusCode.RUN_ERROR, false, 0, ResourceLimits.NONE, false, "RUN_ERROR exit 1", null);

    @Test
    void deviceLevelFieldsCarryThingCoreCapsMemoryAndOomKills() throws IOException {
        JsonNode status = status(DeploymentOutcome.successful("d-1"), List.of(INFERENCE));

        assertEquals("dev-1", status.path("thing").asText());
        assertEquals("RUNNING", status.path("core").asText());
        assertEquals("2026-11-26T13:10:01.700Z", status.path("timestamp").asText());
        assertEquals(5710, status.path("uptimeMs").asLong());
        assertEquals(805306368, status.path("device").path("memoryBytes").asLong());
        assertEquals(1073741824, status.path("device").path("memorySwapBytes").asLong());
        assertEquals(1.5, status.path("device").path("cpus").asDouble());
        assertEquals(512, status.path("device").path("pids").asLong());
        assertEquals(142561280, status.path("memory").path("currentBytes").asLong());
        assertEquals(142565376, status.path("memory").path("peakBytes").asLong());
        assertEquals(2, status.path("oomKills").asLong());
    }

    @Test
    void deploymentOutcomeIsReportedWithItsReason() throws IOException {
        JsonNode status = status(DeploymentOutcome.rejected("d-2", "no recipe for component 'x'"), List.of());

        assertEquals("d-2", status.path("deployment").path("id").asText());
        assertEquals("REJECTED", status.path("deployment").path("status").asText());
        assertEquals("no recipe for component 'x'", status.path("deployment").path("reason").asText());
    }

    @Test
    void noDeploymentYetMeansNoDeploymentField() throws IOException {
        assertFalse(status(null, List.of()).has("deployment"));
    }

    @Test
    void eachComponentIsKeyedByNameWithStateReadinessRestartsLimitsAndEnforcement() throws IOException {
        JsonNode components = status(DeploymentOutcome.successful("d-1"), List.of(INFERENCE, HOG)).path("components");

        JsonNode inference = components.path("com.edgetwin.Inference");
        assertEquals("1.0.0", inference.path("version").asText());
        assertEquals("RUNNING", inference.path("state").asText());
        assertEquals("NONE", inference.path("statusCode").asText());
        assertTrue(inference.path("ready").asBoolean(false));
        assertEquals(1, inference.path("restarts").asInt());
        assertTrue(inference.path("enforced").asBoolean(false));
        assertEquals("OOM_KILLED exit 137", inference.path("lastExit").asText());
        assertEquals(524288, inference.path("limits").path("memoryKb").asLong());
        assertEquals(0.75, inference.path("limits").path("cpus").asDouble());
        assertEquals(9, inference.path("resources").path("throttledPeriods").asLong());
        assertEquals(1, inference.path("resources").path("oomKills").asLong());

        JsonNode hog = components.path("com.edgetwin.CpuHog");
        assertEquals("ERRORED", hog.path("state").asText());
        assertEquals("RUN_ERROR", hog.path("statusCode").asText());
        assertFalse(hog.path("ready").asBoolean(true));
        assertFalse(hog.path("enforced").asBoolean(true));
    }

    @Test
    void absentLimitsAreNullAndAbsentCgroupMeansNoResources() throws IOException {
        JsonNode hog = status(null, List.of(HOG)).path("components").path("com.edgetwin.CpuHog");

        assertTrue(hog.path("limits").path("memoryKb").isNull(), hog.toString());
        assertTrue(hog.path("limits").path("cpus").isNull(), hog.toString());
        assertFalse(hog.path("limits").has("pids"));
        assertFalse(hog.has("resources"));
    }

    @Test
    void fieldsMatchTheExampleInTopicsMd() throws IOException {
        JsonNode documented = documentedExample();
        JsonNode produced = status(DeploymentOutcome.successful("d-1"), List.of(INFERENCE));

        TreeSet<String> undocumented = paths(produced, "");
        undocumented.removeAll(paths(documented, ""));
        TreeSet<String> notProduced = paths(documented, "");
        notProduced.removeAll(paths(produced, ""));
        assertEquals(List.of(), List.copyOf(undocumented), "produced but not in docs/topics.md");
        assertEquals(List.of(), List.copyOf(notProduced), "in docs/topics.md but not produced");
    }

    private static JsonNode status(DeploymentOutcome deployment, List<ComponentStatus> components) throws IOException {
        return JSON.readTree(StatusMessage.of("dev-1", "RUNNING", NOW, 5710, CAPS, MEMORY, deployment, components));
    }

    /** The status example of docs/topics.md (Maven runs tests in the module directory). */
    private static JsonNode documentedExample() throws IOException {
        String topics = Files.readString(Path.of("../docs/topics.md"));
        Matcher block = Pattern.compile("## Status\\s+```json\\n(.*?)```", Pattern.DOTALL).matcher(topics);
        assertTrue(block.find(), "docs/topics.md has a Status section with a json example");
        return JSON.readTree(block.group(1));
    }

    /** Every field path, with component names replaced by {@code <name>}. */
    private static TreeSet<String> paths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix.equals("components.") ? "<name>" : field.getKey();
            paths.add(prefix + name);
            paths.addAll(paths(field.getValue(), prefix + name + "."));
        }
        return paths;
    }
}
