package io.edgetwin.simulator.attack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.fault.AttackScene;
import io.edgetwin.simulator.fault.FaultInjector;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The harness's side of {@code rogue-subscribe} and {@code rogue-publish} with {@code via: ipc}: it
 * deploys {@code com.edgetwin.IpcAttacker} on the attacking twin B, which tries the victim A's topics
 * through Greengrass IPC, so its core's MQTT connection carries them under B's certificate. What the
 * component got it reports on B's own topics ({@code edgetwin/<B>/attack/<id>/report}); what reached
 * A's topics the harness, the topic policy's superuser, sees for itself. The count that must be zero is
 * the messages delivered across things: on MQTT 3.1.1, which the core speaks, the broker acknowledges a
 * forbidden publish like any other, so the core answers the component's {@code PublishToIoTCore} as sent;
 * a message is refused when it is not delivered.
 */
final class IpcRogue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerClient harness;
    private final Duration patience;

    IpcRogue(BrokerClient harness, Duration patience) {
        this.harness = harness;
        this.patience = patience;
    }

    /** B's component subscribes to {@code edgetwin/<A>/#}; the harness publishes {@code messages} probes there; counts into {@code tally}. */
    String subscribe(AttackScene scene, int messages, String id, AttackTally tally) {
        String victim = scene.victim();
        String own = "edgetwin/" + scene.attacker() + "/attack/" + id;
        String probe = "edgetwin/" + victim + "/attack/" + id + "/probe";
        AtomicLong heard = new AtomicLong();
        harness.subscribe(probe, 1, (topic, payload) -> heard.incrementAndGet());
        BlockingQueue<JsonNode> reports = reports(own);
        JsonNode done;
        try (AttackScene.Deployed attacker = scene.deployAttacker(configuration(victim, "subscribe", messages, id))) {
            await(reports, "ready", scene);
            for (int i = 0; i < messages; i++) {
                harness.publish(probe, ("{\"probe\":" + i + "}").getBytes(UTF_8), 1);
            }
            await(() -> heard.get() >= messages);
            harness.publish(own + "/done", "{}".getBytes(UTF_8), 1);
            done = await(reports, "done", scene);
        }
        long delivered = done.path("received").asLong();
        tally.add(messages, Math.max(0, messages - delivered), delivered, 0);
        return "component " + FaultInjector.IPC_ATTACKER + " on " + scene.attacker() + " subscribed to " + done.path("filter").asText()
                + " through SubscribeToIoTCore (" + done.path("subscription").asText() + "): " + delivered + " of " + messages
                + " probe message(s) (and of the victim's own traffic) delivered to it";
    }

    /** B's component publishes {@code messages} messages on A's topic through {@code PublishToIoTCore}; counts into {@code tally}. */
    String publish(AttackScene scene, int messages, String id, AttackTally tally) {
        String victim = scene.victim();
        String own = "edgetwin/" + scene.attacker() + "/attack/" + id;
        String topic = "edgetwin/" + victim + "/attack/" + id + "/ipc-publish";
        AtomicLong arrived = new AtomicLong();
        AtomicLong marker = new AtomicLong();
        harness.subscribe(topic, 1, (t, payload) -> (new String(payload, UTF_8).contains("marker") ? marker : arrived).incrementAndGet());
        BlockingQueue<JsonNode> reports = reports(own);
        JsonNode done;
        try (AttackScene.Deployed attacker = scene.deployAttacker(configuration(victim, "publish", messages, id))) {
            done = await(reports, "done", scene);
        }
        // The rogue's messages, had the broker routed any, reached the harness before its own marker.
        harness.publish(topic, "{\"marker\":true}".getBytes(UTF_8), 1);
        await(() -> marker.get() > 0);
        long delivered = arrived.get();
        tally.add(messages, Math.max(0, messages - delivered), delivered, 0);
        String error = done.path("error").asText();
        return "component " + FaultInjector.IPC_ATTACKER + " on " + scene.attacker() + " published " + messages + " message(s) on "
                + topic + " through PublishToIoTCore: the core answered " + done.path("accepted").asLong() + " as sent and "
                + done.path("refused").asLong() + " with an error" + (error.isEmpty() ? "" : " (" + error + ")") + "; "
                + delivered + " delivered to the victim's topic, " + (messages - Math.min(messages, delivered))
                + " dropped by the broker";
    }

    private static Map<String, Object> configuration(String victim, String mode, int messages, String id) {
        return Map.of("victim", victim, "mode", mode, "messages", messages, "attackId", id);
    }

    private BlockingQueue<JsonNode> reports(String own) {
        BlockingQueue<JsonNode> reports = new LinkedBlockingQueue<>();
        harness.subscribe(own + "/report", 1, (topic, payload) -> {
            try {
                reports.add(JSON.readTree(payload));
            } catch (IOException e) {
                reports.add(JSON.createObjectNode().put("phase", "unreadable").put("text", new String(payload, UTF_8)));
            }
        });
        return reports;
    }

    private JsonNode await(BlockingQueue<JsonNode> reports, String phase, AttackScene scene) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                JsonNode report = reports.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (report == null) {
                    throw new IllegalStateException("the attacker component on " + scene.attacker() + " did not report '" + phase
                            + "' within " + patience.toSeconds() + " s (is " + FaultInjector.IPC_ATTACKER
                            + " in the twin image, and did its deployment start it?)");
                }
                if (report.path("phase").asText().equals(phase)) {
                    return report;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the attacker component on " + scene.attacker());
        }
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
