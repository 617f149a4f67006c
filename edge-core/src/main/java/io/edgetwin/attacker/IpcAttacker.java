package io.edgetwin.attacker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.GetConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.QOS;
import software.amazon.awssdk.aws.greengrass.model.ReportedLifecycleState;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;

/**
 * A component on one twin that tries another thing's topics through its core's MQTT connection, with
 * nothing but the SDK's {@code GreengrassCoreIPCClientV2}. Its recipe allows it every IoT Core topic, so
 * only the broker's per-thing policy stands between it and the victim. Configuration: {@code victim}
 * (thing name), {@code mode} ({@code subscribe} or {@code publish}), {@code messages}, {@code attackId}.
 *
 * <ul>
 *   <li>{@code publish}: {@code PublishToIoTCore} of {@code messages} QoS 1 messages on
 *       {@code edgetwin/<victim>/attack/<attackId>/ipc-publish}, counting the calls the core answered
 *       and those it refused; then one report.</li>
 *   <li>{@code subscribe}: {@code SubscribeToIoTCore} on {@code edgetwin/<victim>/#}, a {@code ready}
 *       report, then it counts what arrives until the harness says {@code done} on its own topic, and
 *       reports the count.</li>
 * </ul>
 *
 * Reports are JSON on its own thing's {@code edgetwin/<thing>/attack/<attackId>/report}; the harness
 * says {@code done} on {@code edgetwin/<thing>/attack/<attackId>/done}. Then it says RUNNING and stays
 * up until the core stops it.
 */
public final class IpcAttacker {

    private static final long DONE_PATIENCE_SECONDS = 600;

    private IpcAttacker() {
    }

    public static void main(String[] args) throws Exception {
        String self = System.getenv("AWS_IOT_THING_NAME");
        try (GreengrassCoreIPCClientV2 ipc = GreengrassCoreIPCClientV2.builder().build()) {
            Map<String, Object> config = ipc.getConfiguration(new GetConfigurationRequest().withKeyPath(List.of())).getValue();
            String victim = String.valueOf(config.get("victim"));
            String attack = String.valueOf(config.get("attackId"));
            int messages = (int) Double.parseDouble(String.valueOf(config.get("messages")));
            String own = "edgetwin/" + self + "/attack/" + attack;
            if ("publish".equals(config.get("mode"))) {
                publish(ipc, own, "edgetwin/" + victim + "/attack/" + attack + "/ipc-publish", messages);
            } else {
                subscribe(ipc, own, "edgetwin/" + victim + "/#");
            }
            ipc.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));
            Thread.currentThread().join(); // a long-running component: the core stops it
        }
    }

    private static void publish(GreengrassCoreIPCClientV2 ipc, String own, String topic, int messages) throws Exception {
        long accepted = 0;
        long refused = 0;
        String error = "";
        for (int i = 0; i < messages; i++) {
            try {
                ipc.publishToIoTCore(new PublishToIoTCoreRequest().withTopicName(topic).withQos(QOS.AT_LEAST_ONCE)
                        .withPayload(("{\"rogue\":" + i + "}").getBytes(UTF_8)));
                accepted++;
            } catch (Exception e) {
                refused++;
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("phase", "done");
        report.put("topic", topic);
        report.put("published", messages);
        report.put("accepted", accepted);
        report.put("refused", refused);
        report.put("error", error);
        report(ipc, own, report);
    }

    private static void subscribe(GreengrassCoreIPCClientV2 ipc, String own, String filter) throws Exception {
        AtomicLong received = new AtomicLong();
        String subscription;
        try {
            ipc.subscribeToIoTCore(new SubscribeToIoTCoreRequest().withTopicName(filter).withQos(QOS.AT_LEAST_ONCE),
                    message -> received.incrementAndGet(), Optional.empty(), Optional.empty());
            subscription = "accepted";
        } catch (Exception e) {
            subscription = "refused: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        CountDownLatch done = new CountDownLatch(1);
        ipc.subscribeToIoTCore(new SubscribeToIoTCoreRequest().withTopicName(own + "/done").withQos(QOS.AT_LEAST_ONCE),
                message -> done.countDown(), Optional.empty(), Optional.empty());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("filter", filter);
        report.put("subscription", subscription);
        report.put("phase", "ready");
        report(ipc, own, report);
        boolean told = done.await(DONE_PATIENCE_SECONDS, TimeUnit.SECONDS);
        report.put("phase", told ? "done" : "gave-up");
        report.put("received", received.get());
        report(ipc, own, report);
    }

    private static void report(GreengrassCoreIPCClientV2 ipc, String own, Map<String, Object> report) throws Exception {
        ipc.publishToIoTCore(new PublishToIoTCoreRequest().withTopicName(own + "/report").withQos(QOS.AT_LEAST_ONCE)
                .withPayload(json(report).getBytes(UTF_8)));
    }

    private static String json(Map<String, Object> report) {
        StringBuilder out = new StringBuilder("{");
        report.forEach((key, value) -> {
            out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":");
            if (value instanceof Number) {
                out.append(value);
            } else {
                out.append('"').append(String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return out.append('}').toString();
    }
}
