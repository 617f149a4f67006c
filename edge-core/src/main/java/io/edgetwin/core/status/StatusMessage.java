package io.edgetwin.core.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.core.component.ComponentStatus;
import io.edgetwin.core.messaging.SpoolCounters;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.deployment.DeploymentOutcome;
import io.edgetwin.core.lambda.LambdaCounters;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the JSON published on {@code edgetwin/<thing>/status} (docs/topics.md). */
public final class StatusMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusMessage() {
    }

    public static byte[] of(String thing, String coreState, Instant now, long uptimeMillis, DeviceCaps caps,
                            DeviceCgroup.MemoryUse memory, DeploymentOutcome deployment,
                            List<ComponentStatus> components) {
        return of(thing, coreState, now, uptimeMillis, caps, memory, deployment, components, null);
    }

    /** As above, plus the offline spool's counters under {@code spool} (left out when {@code spool} is null). */
    public static byte[] of(String thing, String coreState, Instant now, long uptimeMillis, DeviceCaps caps,
                            DeviceCgroup.MemoryUse memory, DeploymentOutcome deployment,
                            List<ComponentStatus> components, SpoolCounters spool) {
        return of(thing, coreState, now, uptimeMillis, caps, memory, deployment, components, spool, Map.of());
    }

    /** As above, plus the counters of each running Lambda function under {@code lambdas} (left out when there is none). */
    public static byte[] of(String thing, String coreState, Instant now, long uptimeMillis, DeviceCaps caps,
                            DeviceCgroup.MemoryUse memory, DeploymentOutcome deployment,
                            List<ComponentStatus> components, SpoolCounters spool, Map<String, LambdaCounters> lambdas) {
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
                    .put("statusCode", c.statusCode().name())
                    .put("ready", c.ready())
                    .put("restarts", c.restarts())
                    .put("enforced", c.enforced())
                    .put("lastExit", c.lastExit());
            limits(node.putObject("limits"), c.limits());
            if (c.resources() != null) {
                resources(node.putObject("resources"), c.resources());
            }
        }
        if (spool != null) {
            spool(root.putObject("spool"), spool);
        }
        if (!lambdas.isEmpty()) {
            ObjectNode functions = root.putObject("lambdas");
            lambdas.forEach((name, counters) -> lambda(functions.putObject(name), counters));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("status cannot be written", e);
        }
    }

    /** The payload of {@code edgetwin/<thing>/deployment/result}. */
    public static byte[] deploymentResult(DeploymentOutcome outcome) {
        ObjectNode root = JSON.createObjectNode()
                .put("deploymentId", outcome.deploymentId())
                .put("status", outcome.status())
                .put("reason", outcome.reason());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("deployment result cannot be written", e);
        }
    }

    private static void spool(ObjectNode node, SpoolCounters spool) {
        node.put("storage", spool.storage())
                .put("maxBytes", spool.maxBytes())
                .put("messages", spool.messages())
                .put("bytes", spool.bytes())
                .put("spooled", spool.spooled())
                .put("delivered", spool.delivered())
                .put("droppedQos0", spool.droppedQos0())
                .put("refusedQos1", spool.refusedQos1())
                .put("corrupt", spool.corrupt())
                .put("retriesExhausted", spool.retriesExhausted());
    }

    private static void lambda(ObjectNode node, LambdaCounters c) {
        node.put("received", c.received())
                .put("dropped", c.dropped())
                .put("invocations", c.invocations())
                .put("succeeded", c.succeeded())
                .put("errors", c.errors())
                .put("timeouts", c.timeouts())
                .put("crashes", c.crashes())
                .put("oomKills", c.oomKills())
                .put("instancesStarted", c.instancesStarted())
                .put("initFailures", c.initFailures())
                .put("instances", c.instances())
                .put("peakInstances", c.peakInstances())
                .put("queued", c.queued())
                .put("lastError", c.lastError())
                .put("containerMode", c.containerMode())
                .put("memorySizeKb", c.memorySizeKb())
                .put("lastStartMs", c.lastStartMs())
                .put("slowestStartMs", c.slowestStartMs());
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
