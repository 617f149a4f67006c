package io.edgetwin.core.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgetwin.core.component.ComponentStatus;
import io.edgetwin.core.messaging.SpoolCounters;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.deployment.DeploymentOutcome;
import io.edgetwin.core.lambda.LambdaCounters;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON published on {@code edgetwin/<thing>/status} (docs/topics.md), written field by field
 * with jackson-core's streaming generator: the status goes out every second, and an idle core loads no
 * object mapper for it (docs/performance.md, "Where the idle RSS goes").
 */
public final class StatusMessage {

    private static final JsonFactory JSON = new JsonFactory();

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
        return write("status", json -> {
            json.writeStartObject();
            json.writeStringField("thing", thing);
            json.writeStringField("core", coreState);
            json.writeStringField("timestamp", now.toString());
            json.writeNumberField("uptimeMs", uptimeMillis);
            json.writeObjectFieldStart("device");
            json.writeNumberField("memoryBytes", caps.memoryBytes());
            json.writeNumberField("memorySwapBytes", caps.memorySwapBytes());
            json.writeNumberField("cpus", caps.cpus());
            json.writeNumberField("pids", caps.pids());
            json.writeEndObject();
            json.writeObjectFieldStart("memory");
            json.writeNumberField("currentBytes", memory.currentBytes());
            json.writeNumberField("peakBytes", memory.peakBytes());
            json.writeEndObject();
            json.writeNumberField("oomKills", memory.oomKills());
            if (deployment != null) {
                json.writeObjectFieldStart("deployment");
                json.writeStringField("id", deployment.deploymentId());
                json.writeStringField("status", deployment.status());
                json.writeStringField("reason", deployment.reason());
                json.writeEndObject();
            }
            json.writeObjectFieldStart("components");
            for (ComponentStatus c : components) {
                component(json, c);
            }
            json.writeEndObject();
            if (spool != null) {
                spool(json, spool);
            }
            if (!lambdas.isEmpty()) {
                json.writeObjectFieldStart("lambdas");
                for (Map.Entry<String, LambdaCounters> e : lambdas.entrySet()) {
                    lambda(json, e.getKey(), e.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    /** The payload of {@code edgetwin/<thing>/deployment/result}. */
    public static byte[] deploymentResult(DeploymentOutcome outcome) {
        return write("deployment result", json -> {
            json.writeStartObject();
            json.writeStringField("deploymentId", outcome.deploymentId());
            json.writeStringField("status", outcome.status());
            json.writeStringField("reason", outcome.reason());
            json.writeEndObject();
        });
    }

    private static void component(JsonGenerator json, ComponentStatus c) throws IOException {
        json.writeObjectFieldStart(c.name());
        json.writeStringField("version", c.version());
        json.writeStringField("state", c.state().name());
        json.writeStringField("statusCode", c.statusCode().name());
        json.writeBooleanField("ready", c.ready());
        json.writeNumberField("restarts", c.restarts());
        json.writeBooleanField("enforced", c.enforced());
        json.writeStringField("lastExit", c.lastExit());
        limits(json, c.limits());
        if (c.resources() != null) {
            resources(json, c.resources());
        }
        json.writeEndObject();
    }

    private static void spool(JsonGenerator json, SpoolCounters spool) throws IOException {
        json.writeObjectFieldStart("spool");
        json.writeStringField("storage", spool.storage());
        json.writeNumberField("maxBytes", spool.maxBytes());
        json.writeNumberField("messages", spool.messages());
        json.writeNumberField("bytes", spool.bytes());
        json.writeNumberField("spooled", spool.spooled());
        json.writeNumberField("delivered", spool.delivered());
        json.writeNumberField("droppedQos0", spool.droppedQos0());
        json.writeNumberField("refusedQos1", spool.refusedQos1());
        json.writeNumberField("corrupt", spool.corrupt());
        json.writeNumberField("retriesExhausted", spool.retriesExhausted());
        json.writeEndObject();
    }

    private static void lambda(JsonGenerator json, String name, LambdaCounters c) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("received", c.received());
        json.writeNumberField("dropped", c.dropped());
        json.writeNumberField("invocations", c.invocations());
        json.writeNumberField("succeeded", c.succeeded());
        json.writeNumberField("errors", c.errors());
        json.writeNumberField("timeouts", c.timeouts());
        json.writeNumberField("crashes", c.crashes());
        json.writeNumberField("oomKills", c.oomKills());
        json.writeNumberField("instancesStarted", c.instancesStarted());
        json.writeNumberField("initFailures", c.initFailures());
        json.writeNumberField("instances", c.instances());
        json.writeNumberField("peakInstances", c.peakInstances());
        json.writeNumberField("queued", c.queued());
        json.writeStringField("lastError", c.lastError());
        json.writeStringField("containerMode", c.containerMode());
        json.writeNumberField("memorySizeKb", c.memorySizeKb());
        json.writeNumberField("lastStartMs", c.lastStartMs());
        json.writeNumberField("slowestStartMs", c.slowestStartMs());
        json.writeEndObject();
    }

    private static void resources(JsonGenerator json, ResourceSample sample) throws IOException {
        json.writeObjectFieldStart("resources");
        json.writeNumberField("memoryBytes", sample.memoryBytes());
        json.writeNumberField("memoryPeakBytes", sample.memoryPeakBytes());
        json.writeNumberField("cpuUsageNanos", sample.cpuUsageNanos());
        json.writeNumberField("periods", sample.periods());
        json.writeNumberField("throttledPeriods", sample.throttledPeriods());
        json.writeNumberField("throttledNanos", sample.throttledNanos());
        json.writeNumberField("majorFaults", sample.majorFaults());
        json.writeNumberField("oomKills", sample.oomKills());
        json.writeEndObject();
    }

    private static void limits(JsonGenerator json, ResourceLimits limits) throws IOException {
        json.writeObjectFieldStart("limits");
        if (limits.memoryKb().isPresent()) {
            json.writeNumberField("memoryKb", limits.memoryKb().getAsLong());
        } else {
            json.writeNullField("memoryKb");
        }
        if (limits.cpus().isPresent()) {
            json.writeNumberField("cpus", limits.cpus().getAsDouble());
        } else {
            json.writeNullField("cpus");
        }
        if (limits.pids().isPresent()) {
            json.writeNumberField("pids", limits.pids().getAsLong());
        }
        json.writeEndObject();
    }

    /** What a payload writes into the generator. */
    @FunctionalInterface
    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] write(String what, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new IllegalStateException(what + " cannot be written", e);
        }
        return out.toByteArray();
    }
}
