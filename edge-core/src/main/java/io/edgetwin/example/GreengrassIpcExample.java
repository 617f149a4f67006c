package io.edgetwin.example;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.GetConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.JsonMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.PublishToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.QOS;
import software.amazon.awssdk.aws.greengrass.model.ReportedLifecycleState;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscriptionResponseMessage;
import software.amazon.awssdk.aws.greengrass.model.UnauthorizedError;
import software.amazon.awssdk.aws.greengrass.model.UpdateConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;

/**
 * A Greengrass component written only against the AWS IoT Device SDK (it imports nothing of edgetwin),
 * as a user would write one for the nucleus. It finds the core through the nucleus's environment
 * ({@code AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT}, {@code SVCUID}), then checks what a
 * component relies on and reports each outcome as one JSON line on IoT Core, topic
 * {@code edgetwin/<thing>/example/report}:
 * a local pub/sub round trip, its configuration read and updated, a publish its policies do not allow
 * (refused), and a connection with a wrong SVCUID (refused). Then it says RUNNING and stays up.
 */
public final class GreengrassIpcExample {

    private GreengrassIpcExample() {
    }

    public static void main(String[] args) throws Exception {
        String thing = System.getenv("AWS_IOT_THING_NAME");
        try (GreengrassCoreIPCClientV2 ipc = GreengrassCoreIPCClientV2.builder().build()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("roundTrip", roundTrip(ipc));
            report.put("configuration", configuration(ipc));
            report.put("unauthorizedPublish", unauthorizedPublish(ipc));
            report.put("wrongSvcuid", wrongSvcuid());
            ipc.publishToIoTCore(new PublishToIoTCoreRequest().withTopicName("edgetwin/" + thing + "/example/report")
                    .withQos(QOS.AT_LEAST_ONCE).withPayload(json(report).getBytes(StandardCharsets.UTF_8)));
            ipc.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));
            Thread.currentThread().join(); // a long-running component: the core stops it
        }
    }

    /** Publishes to a topic it subscribed to and waits for its own message. */
    private static String roundTrip(GreengrassCoreIPCClientV2 ipc) throws Exception {
        BlockingQueue<SubscriptionResponseMessage> received = new LinkedBlockingQueue<>();
        ipc.subscribeToTopic(new SubscribeToTopicRequest().withTopic("example/echo"), received::add,
                Optional.empty(), Optional.empty());
        ipc.publishToTopic(new PublishToTopicRequest().withTopic("example/echo").withPublishMessage(
                new PublishMessage().withJsonMessage(new JsonMessage().withMessage(Map.of("hello", "twin")))));
        SubscriptionResponseMessage message = received.poll(10, TimeUnit.SECONDS);
        return message == null ? "no message within 10 s" : String.valueOf(message.getJsonMessage().getMessage().get("hello"));
    }

    /** Reads {@code greeting}, merges {@code seen: true} and reads the result back. */
    private static String configuration(GreengrassCoreIPCClientV2 ipc) throws Exception {
        Object greeting = ipc.getConfiguration(new GetConfigurationRequest().withKeyPath(List.of("greeting")))
                .getValue().get("greeting");
        ipc.updateConfiguration(new UpdateConfigurationRequest().withKeyPath(List.of()).withTimestamp(Instant.now())
                .withValueToMerge(Map.of("seen", true)));
        Object seen = ipc.getConfiguration(new GetConfigurationRequest().withKeyPath(List.of("seen")))
                .getValue().get("seen");
        return greeting + " seen=" + seen;
    }

    private static String unauthorizedPublish(GreengrassCoreIPCClientV2 ipc) throws Exception {
        try {
            ipc.publishToTopic(new PublishToTopicRequest().withTopic("fleet/secrets").withPublishMessage(
                    new PublishMessage().withJsonMessage(new JsonMessage().withMessage(Map.of()))));
            return "allowed";
        } catch (UnauthorizedError e) {
            return "UnauthorizedError";
        }
    }

    private static String wrongSvcuid() {
        try (GreengrassCoreIPCClientV2 stranger = GreengrassCoreIPCClientV2.builder().withAuthToken("not-my-svcuid").build()) {
            return "connected";
        } catch (Exception e) {
            List<String> chain = new ArrayList<>();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.add(t.getClass().getSimpleName());
            }
            return chain.contains("AccessDeniedException") ? "AccessDeniedException" : String.join("<-", chain);
        }
    }

    private static String json(Map<String, Object> report) {
        StringBuilder out = new StringBuilder("{");
        report.forEach((key, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":\"")
                .append(String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return out.append('}').toString();
    }
}
