package io.edgetwin.core.ipc.greengrass;

import static io.edgetwin.core.ipc.greengrass.TestCore.pubsub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
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
import software.amazon.awssdk.aws.greengrass.model.UnauthorizedError;

/** The server driven by the official {@code GreengrassCoreIPCClientV2} in the same JVM, over a temp socket. */
class GreengrassIpcServerTest {

    @TempDir
    Path dir;
    TestCore core;

    @BeforeEach
    void start() throws Exception {
        core = new TestCore(dir)
                .component("com.example.Camera", "camera-token", pubsub(List.of("aws.greengrass#PublishToTopic"), List.of("camera/#")))
                .component("com.example.Viewer", "viewer-token", pubsub(List.of("aws.greengrass#SubscribeToTopic"), List.of("camera/*")));
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
    }

    @Test
    void jsonMessagePublishedByOneComponentReachesTheSubscriberOfAnother() throws Exception {
        GreengrassCoreIPCClientV2 camera = core.client("camera-token");
        GreengrassCoreIPCClientV2 viewer = core.client("viewer-token");
        BlockingQueue<SubscriptionResponseMessage> received = new LinkedBlockingQueue<>();
        viewer.subscribeToTopic(new SubscribeToTopicRequest().withTopic("camera/+/frames"), received::add,
                Optional.empty(), Optional.empty());

        camera.publishToTopic(new PublishToTopicRequest().withTopic("camera/front/frames").withPublishMessage(
                new PublishMessage().withJsonMessage(new JsonMessage().withMessage(Map.of("frame", "f1")))));

        SubscriptionResponseMessage message = received.poll(10, TimeUnit.SECONDS);
        assertEquals(Map.of("frame", "f1"), message.getJsonMessage().getMessage());
        assertEquals("camera/front/frames", message.getJsonMessage().getContext().getTopic());
    }

    @Test
    void binaryMessageArrivesAsTheSameBytes() throws Exception {
        GreengrassCoreIPCClientV2 camera = core.client("camera-token");
        GreengrassCoreIPCClientV2 viewer = core.client("viewer-token");
        BlockingQueue<SubscriptionResponseMessage> received = new LinkedBlockingQueue<>();
        viewer.subscribeToTopic(new SubscribeToTopicRequest().withTopic("camera/raw"), received::add,
                Optional.empty(), Optional.empty());

        camera.publishToTopic(new PublishToTopicRequest().withTopic("camera/raw").withPublishMessage(
                new PublishMessage().withBinaryMessage(new BinaryMessage().withMessage(new byte[] {0, 1, 2, (byte) 255}))));

        SubscriptionResponseMessage message = received.poll(10, TimeUnit.SECONDS);
        assertEquals("[0, 1, 2, -1]", java.util.Arrays.toString(message.getBinaryMessage().getMessage()));
        assertEquals("camera/raw", message.getBinaryMessage().getContext().getTopic());
    }

    @Test
    void publishOutsideThePoliciesIsRefusedWithUnauthorizedError() throws Exception {
        GreengrassCoreIPCClientV2 viewer = core.client("viewer-token");

        UnauthorizedError e = assertThrows(UnauthorizedError.class, () -> viewer.publishToTopic(
                new PublishToTopicRequest().withTopic("camera/front/frames").withPublishMessage(new PublishMessage()
                        .withBinaryMessage(new BinaryMessage().withMessage("x".getBytes(StandardCharsets.UTF_8))))));

        assertTrue(e.getMessage().contains("aws.greengrass.ipc.pubsub:aws.greengrass#PublishToTopic on resource 'camera/front/frames'"),
                e.getMessage());
        assertEquals(0, core.bus.size(), "nothing subscribed, nothing delivered");
    }
}
