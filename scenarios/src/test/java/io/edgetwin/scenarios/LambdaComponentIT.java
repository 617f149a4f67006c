package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.twin.DeviceTwin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lambda components on a real twin: two imported-Lambda recipes run by the core's Lambda launcher, fed
 * from IoT Core topics, each in its own cgroup (GreengrassContainer). Reads the functions' counters from
 * the core's status ({@code lambdas}).
 */
class LambdaComponentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUSY = "com.edgetwin.lambda.Busy";
    private static final String LEAKY = "com.edgetwin.lambda.Leaky";
    private static final String DEPLOYMENT = """
            {"deploymentId": "lambdas", "failureHandlingPolicy": "DO_NOTHING", "components": {
              "com.edgetwin.lambda.Busy": {"version": "1.0.0"},
              "com.edgetwin.lambda.Leaky": {"version": "1.0.0"}}}""";

    private final AtomicReference<JsonNode> status = new AtomicReference<>();
    private OneTwin one;
    private DeviceTwin twin;
    private BrokerClient client;

    @BeforeEach
    void startTwin() throws Exception {
        one = OneTwin.start("lambda", 768L * 1024 * 1024, DEPLOYMENT,
                c -> c.subscribe("edgetwin/+/status", 0, (topic, payload) -> status.set(parse(payload))));
        twin = one.twin();
        client = one.client();
        await(s -> "SUCCESSFUL".equals(s.path("deployment").path("status").asText())
                && s.path("components").path(BUSY).path("ready").asBoolean()
                && s.path("components").path(LEAKY).path("ready").asBoolean(), Duration.ofSeconds(90), "both functions ready");
    }

    @AfterEach
    void stopEverything() throws Exception {
        one.close();
    }

    @Test
    void eventsBecomeInvocationsThatScaleOnDemandDropAtAFullQueueAndStopAtTheirTimeout() {
        for (int i = 0; i < 12; i++) {
            publish("lambda/busy", "{\"holdMs\": 300}");
        }
        JsonNode burst = await(s -> settled(lambda(s, BUSY)) && lambda(s, BUSY).path("invocations").asLong() >= 1,
                Duration.ofSeconds(60), "the burst served");
        JsonNode busy = lambda(burst, BUSY);
        assertThat(busy.path("succeeded").asLong()).as("invocations reach the handler").isPositive();
        assertThat(busy.path("peakInstances").asInt()).as("scaled on demand, up to maxInstancesCount 3").isBetween(2, 3);
        assertThat(busy.path("dropped").asLong()).as("a queue of 4 cannot hold a burst of 12").isPositive();
        assertEquals(12, busy.path("received").asLong() + busy.path("dropped").asLong());

        long timeouts = busy.path("timeouts").asLong();
        publish("lambda/busy", "{\"holdMs\": 20000}");
        JsonNode late = await(s -> lambda(s, BUSY).path("timeouts").asLong() == timeouts + 1, Duration.ofSeconds(30),
                "the timeout");
        assertThat(lambda(late, BUSY).path("lastError").asText()).startsWith("timed out after 2 s");
        assertEquals("RUNNING", late.path("components").path(BUSY).path("state").asText());
    }

    /** Every event taken has ended one way or another, and none waits. */
    private static boolean settled(JsonNode f) {
        long ended = f.path("succeeded").asLong() + f.path("errors").asLong() + f.path("timeouts").asLong()
                + f.path("crashes").asLong();
        return f.path("queued").asInt() == 0 && f.path("invocations").asLong() == f.path("received").asLong()
                && ended == f.path("invocations").asLong();
    }

    @Test
    void aLeakingFunctionInAGreengrassContainerIsOomKilledAloneAndTheOtherKeepsServing() {
        assertEquals(String.valueOf(98304L * 1024),
                read("/run/edgetwin/cgroup/memory/docker/*/edgetwin/" + LEAKY + "/memory.limit_in_bytes"),
                "containerParams.memorySize is the function cgroup's memory limit");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (lambda(status.get(), LEAKY).path("oomKills").asLong() == 0) {
            assertThat(System.nanoTime()).as("an OOM kill of the leaking function within 90 s").isLessThan(deadline);
            publish("lambda/leaky", "{\"leakMb\": 16}");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        JsonNode after = status.get();
        assertThat(lambda(after, LEAKY).path("crashes").asLong()).as("the invocation its instance died under").isPositive();
        assertEquals(0, after.path("oomKills").asLong(), "the twin itself was not OOM-killed");
        assertEquals("RUNNING", after.path("core").asText());
        assertEquals("RUNNING", after.path("components").path(BUSY).path("state").asText());

        long served = lambda(after, BUSY).path("succeeded").asLong();
        publish("lambda/busy", "{\"holdMs\": 10}");
        await(s -> lambda(s, BUSY).path("succeeded").asLong() > served, Duration.ofSeconds(30), "the other function serving");
        await(s -> lambda(s, LEAKY).path("instances").asInt() == 1 && lambda(s, LEAKY).path("instancesStarted").asLong() >= 2,
                Duration.ofSeconds(30), "the pinned leaker's instance started again");
        assertThat(twin.isRunning()).isTrue();
    }

    private void publish(String topic, String payload) {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1);
    }

    private static JsonNode lambda(JsonNode status, String function) {
        return status == null ? JSON.createObjectNode() : status.path("lambdas").path(function);
    }

    private JsonNode await(Predicate<JsonNode> condition, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode now = status.get();
            if (now != null && condition.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what + "; last status " + now);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private String read(String glob) {
        return twin.exec("sh", "-c", "cat " + glob).trim();
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
