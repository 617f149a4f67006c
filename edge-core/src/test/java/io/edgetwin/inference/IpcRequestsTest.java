package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.core.ipc.greengrass.ComponentConfigurations;
import io.edgetwin.core.ipc.greengrass.ComponentUpdates;
import io.edgetwin.core.ipc.greengrass.GreengrassIpcServer;
import io.edgetwin.core.ipc.greengrass.IpcLimits;
import io.edgetwin.core.recipe.RecipeStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.BinaryMessage;
import software.amazon.awssdk.aws.greengrass.model.JsonMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscriptionResponseMessage;

/**
 * The inference component's IPC wiring against the core's real Greengrass IPC server, with the shipped
 * recipe's policies: requests from IoT Core and from local pub/sub reach the handler, and each answer
 * goes back the way its request came.
 */
class IpcRequestsTest {

    private static final String INFERENCE = "com.edgetwin.Inference";

    @TempDir
    Path dir;
    private final LocalBus bus = new LocalBus();
    private final RecordingCloud cloud = new RecordingCloud();
    private final BlockingQueue<String> states = new LinkedBlockingQueue<>();
    private GreengrassIpcServer server;
    private IpcRequests requests;
    private Thread serving;

    @BeforeEach
    void start() throws Exception {
        server = new GreengrassIpcServer(dir.resolve("ipc.socket"), IpcLimits.DEFAULT, bus, cloud,
                (component, state) -> states.add(component + ":" + state), new ComponentConfigurations(),
                new ComponentUpdates());
        server.start();
        server.authorize(INFERENCE, "inference-token",
                RecipeStore.load(Path.of("src/main/recipes")).find(INFERENCE, "1.0.0").defaultConfiguration());
        requests = IpcRequests.connect(environment("inference-token"), "inference");
        serving = new Thread(() -> {
            try {
                requests.serve(request -> requests.send(new Responder.Reply(request.source(), echo(request))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve");
        serving.setDaemon(true);
        serving.start();
        assertEquals(INFERENCE + ":RUNNING", states.poll(10, TimeUnit.SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        requests.close();
        server.close();
        serving.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void cloudRequestIsAnsweredOnTheThingsResponseTopicAtQos1() throws Exception {
        cloud.deliver("edgetwin/t1/inference/request", "{\"id\":\"7\"}");

        assertEquals("edgetwin/t1/inference/response {\"id\":\"7\",\"source\":\"cloud\"} qos1",
                cloud.published.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void cloudRequestThatIsNotJsonReachesTheHandlerWithoutPayload() throws Exception {
        cloud.deliver("edgetwin/t1/inference/request", "not json {");

        assertEquals("edgetwin/t1/inference/response {\"source\":\"cloud\",\"payload\":\"none\"} qos1",
                cloud.published.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void localRequestsAsJsonOrBytesAreAnsweredOnTheLocalResponseTopic() throws Exception {
        server.authorize("com.example.Caller", "caller-token", Map.of("accessControl", Map.of("aws.greengrass.ipc.pubsub",
                Map.of("p1", Map.of("operations", List.of("*"), "resources", List.of("inference/*"))))));
        BlockingQueue<SubscriptionResponseMessage> answers = new LinkedBlockingQueue<>();
        try (GreengrassCoreIPCClientV2 caller = GreengrassCoreIPCClientV2.builder()
                .withSocketPath(dir.resolve("ipc.socket").toString()).withAuthToken("caller-token").build()) {
            caller.subscribeToTopic(new SubscribeToTopicRequest().withTopic("inference/response"), answers::add,
                    Optional.empty(), Optional.empty());

            caller.publishToTopic(new PublishToTopicRequest().withTopic("inference/request").withPublishMessage(
                    new PublishMessage().withJsonMessage(new JsonMessage().withMessage(Map.of("id", "j")))));
            caller.publishToTopic(new PublishToTopicRequest().withTopic("inference/request").withPublishMessage(
                    new PublishMessage().withBinaryMessage(new BinaryMessage()
                            .withMessage("{\"id\":\"b\"}".getBytes(StandardCharsets.UTF_8)))));

            // The client runs stream callbacks on a pool by default: the two answers may be added in either order.
            Set<Map<String, Object>> received = new HashSet<>();
            received.add(answers.poll(10, TimeUnit.SECONDS).getJsonMessage().getMessage());
            received.add(answers.poll(10, TimeUnit.SECONDS).getJsonMessage().getMessage());
            assertEquals(Set.of(Map.of("id", "j", "source", "local"), Map.of("id", "b", "source", "local")), received);
        }
    }

    @Test
    void aTokenTheCoreDidNotGiveOutIsRefusedAtConnect() {
        assertThrows(Exception.class, () -> IpcRequests.connect(environment("stolen-token"), "inference").close());
    }

    @Test
    void aMissingVariableIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IpcRequests.connect(Map.of(), "inference"));

        assertTrue(e.getMessage().startsWith("AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT is not set"), e.getMessage());
    }

    @Test
    void payloadThatIsNotJsonParsesToNothing() {
        assertNull(IpcRequests.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertNotNull(IpcRequests.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, String> environment(String token) {
        return Map.of("AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT", dir.resolve("ipc.socket").toString(),
                "SVCUID", token, "AWS_IOT_THING_NAME", "t1");
    }

    private static Map<String, Object> echo(Responder.Request request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (request.payload() == null) {
            answer.put("source", request.source());
            answer.put("payload", "none");
            return answer;
        }
        ((Map<?, ?>) request.payload()).forEach((key, value) -> answer.put((String) key, value));
        answer.put("source", request.source());
        return answer;
    }

    /** The MQTT side: what the component published, and the subscriptions it made on the broker. */
    private static final class RecordingCloud implements CloudPort {
        final BlockingQueue<String> published = new LinkedBlockingQueue<>();
        final Map<String, Subscriber> subscriptions = new ConcurrentHashMap<>();

        @Override
        public void publish(String topic, byte[] payload, int qos) {
            published.add(topic + " " + new String(payload, StandardCharsets.UTF_8) + " qos" + qos);
        }

        @Override
        public AutoCloseable subscribe(String filter, Subscriber subscriber) {
            subscriptions.put(filter, subscriber);
            return () -> subscriptions.remove(filter);
        }

        void deliver(String topic, String payload) {
            Subscriber subscriber = subscriptions.get(topic);
            assertNotNull(subscriber, "no subscription on " + topic + "; have " + subscriptions.keySet());
            subscriber.deliver(topic, payload.getBytes(StandardCharsets.UTF_8));
        }
    }
}
