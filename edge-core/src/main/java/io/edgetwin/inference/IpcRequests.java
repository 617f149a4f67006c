package io.edgetwin.inference;

import io.edgetwin.core.document.PlainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.IoTCoreMessage;
import software.amazon.awssdk.aws.greengrass.model.JsonMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.PublishToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.QOS;
import software.amazon.awssdk.aws.greengrass.model.ReportedLifecycleState;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscriptionResponseMessage;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;

/**
 * The inference component's side of Greengrass IPC, on the AWS IoT Device SDK's
 * {@link GreengrassCoreIPCClientV2} (the core's socket and the component's {@code SVCUID} come from
 * the environment the core gives every component). Requests arrive from IoT Core
 * ({@code edgetwin/<thing>/inference/request}, source {@code cloud}) and from local pub/sub
 * ({@code inference/request}, source {@code local}); each reply goes back the way its request came
 * ({@code edgetwin/<thing>/inference/response} at QoS 1, or {@code inference/response}).
 *
 * <p>Both subscriptions' messages reach the handler on the client's event-loop thread, directly, in
 * arrival order, so the handler sees one request at a time and no thread hand-off stands between the
 * socket and the forward pass. The handler must therefore never block waiting on the core: replies are
 * sent asynchronously. A payload that is not JSON becomes a request without payload, which the
 * {@link Responder} answers with an error. Replies are sent without waiting for the core's response:
 * the core handles one connection's calls in order, so answers keep their order; a failed send is
 * logged.
 */
final class IpcRequests implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpcRequests.class);
    static final String LOCAL_REQUEST = "inference/request";
    static final String LOCAL_RESPONSE = "inference/response";

    private final GreengrassCoreIPCClientV2 ipc;
    private final String cloudRequest;
    private final String cloudResponse;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;

    private IpcRequests(GreengrassCoreIPCClientV2 ipc, String thing, String topic) {
        this.ipc = ipc;
        this.cloudRequest = "edgetwin/" + thing + "/" + topic + "/request";
        this.cloudResponse = "edgetwin/" + thing + "/" + topic + "/response";
    }

    /**
     * Connects to the core as the environment says ({@code AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT},
     * {@code SVCUID}, {@code AWS_IOT_THING_NAME}); throws when a variable is missing or the core refuses
     * the token. {@code topic} names the cloud-side topics ({@code edgetwin/<thing>/<topic>/request}).
     */
    static IpcRequests connect(Map<String, String> env, String topic) throws IOException {
        String socket = require(env, "AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT");
        String token = require(env, "SVCUID");
        // Runnable::run: stream handlers run on the event loop that read the message (no delivery thread).
        GreengrassCoreIPCClientV2 ipc = GreengrassCoreIPCClientV2.builder()
                .withSocketPath(socket).withAuthToken(token).withExecutor(Runnable::run).build();
        return new IpcRequests(ipc, env.getOrDefault("AWS_IOT_THING_NAME", "local"), topic);
    }

    /**
     * Subscribes to both request topics, reports RUNNING (so the core counts the component ready only
     * once it hears requests), then blocks until the core closes either subscription.
     */
    void serve(Consumer<Responder.Request> requests) throws InterruptedException {
        Optional<Runnable> onClosed = Optional.of(closed::countDown);
        ipc.subscribeToIoTCore(new SubscribeToIoTCoreRequest().withTopicName(cloudRequest).withQos(QOS.AT_LEAST_ONCE),
                (IoTCoreMessage m) -> requests.accept(new Responder.Request("cloud", parse(m.getMessage().getPayload()))),
                Optional.of(this::streamError), onClosed);
        ipc.subscribeToTopic(new SubscribeToTopicRequest().withTopic(LOCAL_REQUEST),
                (SubscriptionResponseMessage m) -> requests.accept(new Responder.Request("local", local(m))),
                Optional.of(this::streamError), onClosed);
        ipc.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));
        closed.await();
        if (!closing) {
            LOG.warn("ipc-closed the core closed a request subscription");
        }
    }

    /** Sends one reply where its request came from. */
    void send(Responder.Reply reply) {
        if (reply.source().equals("cloud")) {
            ipc.publishToIoTCoreAsync(new PublishToIoTCoreRequest().withTopicName(cloudResponse).withQos(QOS.AT_LEAST_ONCE)
                            .withPayload(PlainJson.write(reply.answer()).getBytes(StandardCharsets.UTF_8)))
                    .whenComplete((ok, e) -> sendFailed(cloudResponse, e));
        } else {
            ipc.publishToTopicAsync(new PublishToTopicRequest().withTopic(LOCAL_RESPONSE)
                            .withPublishMessage(new PublishMessage().withJsonMessage(new JsonMessage().withMessage(reply.answer()))))
                    .whenComplete((ok, e) -> sendFailed(LOCAL_RESPONSE, e));
        }
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; expected the core to start this component with it");
        }
        return value;
    }

    /** A local message as a plain tree: the SDK gives a JSON message as a map already, a binary one as bytes. */
    private static Object local(SubscriptionResponseMessage message) {
        if (message.getJsonMessage() != null) {
            return message.getJsonMessage().getMessage();
        }
        return message.getBinaryMessage() == null ? null : parse(message.getBinaryMessage().getMessage());
    }

    /** The payload as a plain tree, or null when it is not JSON (the responder says so in its answer). */
    static Object parse(byte[] payload) {
        return PlainJson.read(payload);
    }

    private static void sendFailed(String topic, Throwable error) {
        if (error != null) {
            LOG.warn("ipc-send-failed topic={} error={}", topic, error.toString());
        }
    }

    /** Logs a stream's error and keeps the stream: one bad message must not end the component. */
    private boolean streamError(Throwable error) {
        LOG.warn("ipc-stream-error error={}", error.toString());
        return false;
    }

    /** Disconnects; {@link #serve} returns. */
    @Override
    public void close() throws Exception {
        closing = true;
        closed.countDown();
        ipc.close();
    }
}
