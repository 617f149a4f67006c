package io.edgetwin.core.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.core.component.ComponentStatus;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.time.Instant;
import java.util.List;

/** Builds the JSON published on {@code edgetwin/<thing>/status} (docs/topics.md). */
public final class StatusMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusMessage() {
    }

    public static byte[] of(String thing, String coreState, Instant now, long uptimeMillis, DeviceCaps caps,
                            DeviceCgroup.MemoryUse memory, DeploymentOutcome deployment,
                            List<ComponentStatus> components) {
        ObjectNode root = JSON.createObjectNode()
                .put("thing", thing)
                .put("core", coreState)
                .put("timestamp", now.toString())
                .put("uptimeMs", uptimeMillis);
        root.putObject("device")
                .put("memoryBytes", caps.memoryBytes())
                .put("memorySwapBytes", caps.memorySwapBytes())
                .put("cpus", caps.cpus())
                .put("pids", caps.pids());
        root.putObject("memory")
                .put("currentBytes", memory.currentBytes())
                .put("peakBytes", memory.peakBytes());
        root.put("oomKills", memory.oomKills());
        if (deployment != null) {
            root.putObject("deployment")
                    .put("id", deployment.deploymentId())
                    .put("status", deployment.status())
                    .put("reason", deployment.reason());
        }
        ObjectNode list = root.putObject("components");
        for (ComponentStatus c : components) {
            ObjectNode node = list.putObject(c.name())
                    .put("version", c.version())
                    .put("state", c.state().name())
                    .put("ready", c.ready())
                    .put("restarts", c.restarts())
                    .put("enforced", c.enforced())
                    .put("lastExit", c.lastExit());
            limits(node.putObject("limits"), c.limits());
            if (c.resources() != null) {
                resources(node.putObject("resources"), c.resources());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("status cannot be written", e);
        }
    }

    private static void resources(ObjectNode node, ResourceSample sample) {
        node.put("memoryBytes", sample.memoryBytes())
                .put("memoryPeakBytes", sample.memoryPeakBytes())
                .put("cpuUsageNanos", sample.cpuUsageNanos())
                .put("periods", sample.periods())
                .put("throttledPeriods", sample.throttledPeriods())
                .put("throttledNanos", sample.throttledNanos())
                .put("majorFaults", sample.majorFaults())
                .put("oomKills", sample.oomKills());
    }

    private static void limits(ObjectNode node, ResourceLimits limits) {
        if (limits.memoryKb().isPresent()) {
            node.put("memoryKb", limits.memoryKb().getAsLong());
        } else {
            node.putNull("memoryKb");
        }
        if (limits.cpus().isPresent()) {
            node.put("cpus", limits.cpus().getAsDouble());
        } else {
            node.putNull("cpus");
        }
        if (limits.pids().isPresent()) {
            node.put("pids", limits.pids().getAsLong());
        }
    }
}
