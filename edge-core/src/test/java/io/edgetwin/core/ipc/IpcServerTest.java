package io.edgetwin.core.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The core's IPC endpoint over a real Unix domain socket, with the cloud and the core faked. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IpcServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final LocalBus bus = new LocalBus();
    private final FakeCloudPort cloud = new FakeCloudPort();
    private final BlockingQueue<String> reportedStates = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Path socket;
    private IpcServer server;

    @BeforeEach
    void startServer() throws IOException {
        socket = dir.resolve("run/ipc.sock");
        server = new IpcServer(socket, bus, cloud, (component, state) -> reportedStates.add(component + "=" + state));
        server.authorize("camera", "token-camera", Grants.everything());
        server.authorize("inference", "token-inference", Grants.everything());
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    void helloWithTheTokenTheCoreGaveIsAnsweredOk() throws Exception {
        RawClient camera = raw();

        camera.send("{\"op\":\"hello\",\"component\":\"camera\",\"token\":\"token-camera\"}");

        camera.expectOk("hello");
    }

    @Test
    void helloWithAWrongTokenIsRefused() throws IOException {
        IpcClient client = track(IpcClient.connect(socket));

        IOException e = assertThrows(IOException.class, () -> client.hello("camera", "guessed"));

        assertTrue(e.getMessage().contains("'camera'"), e.getMessage());
        assertTrue(e.getMessage().contains("SVCUID"), e.getMessage());
    }

    @Test
    void helloWithAnotherComponentsTokenIsRefusedAndLeavesTheConnectionAnonymous() throws Exception {
        RawClient impostor = raw();

        impostor.send("{\"op\":\"hello\",\"component\":\"camera\",\"token\":\"token-inference\"}");
        impostor.expectError("hello");
        impostor.send("{\"op\":\"publish\",\"topic\":\"t\",\"payload\":1}");

        impostor.expectError("publish");
    }

    @Test
    void opsBeforeHelloAreRefusedAndTheConnectionStaysUsable() throws Exception {
        RawClient camera = raw();

        camera.send("{\"op\":\"subscribe\",\"topic\":\"t\",\"ack\":true}");
        JsonNode refused = camera.expectError("subscribe");
        camera.hello("camera", "token-camera");
        camera.send("{\"op\":\"subscribe\",\"topic\":\"t\",\"ack\":true}");

        assertTrue(refused.path("message").asText().contains("hello"), refused.toString());
        camera.expectOk("subscribe");
    }

    @Test
    void helloWithAckIsAnsweredOnce() throws Exception {
        RawClient camera = raw();

        camera.send("{\"op\":\"hello\",\"component\":\"camera\",\"token\":\"token-camera\",\"ack\":true}");
        camera.send("{\"op\":\"subscribe\",\"topic\":\"t\",\"ack\":true}");

        camera.expectOk("hello");
        camera.expectOk("subscribe");
    }

    @Test
    void localPublishReachesAnotherComponentsSubscription() throws Exception {
        IpcClient inference = track(IpcClient.connect(socket));
        inference.hello("inference", "token-inference");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        serveInBackground(inference, received);
        IpcClient camera = track(IpcClient.connect(socket));
        camera.hello("camera", "token-camera");

        inference.subscribe("sensors/+");
        // One connection's frames are handled in order: once RUNNING is reported, the subscription is in place.
        inference.updateState("RUNNING");
        assertEquals("inference=RUNNING", take(reportedStates));
        camera.publish("sensors/vibration", JSON.readTree("{\"g\":[0.1,-0.2]}"));
        camera.publish("other/topic", JSON.readTree("1"));
        camera.publish("sensors/temperature", JSON.readTree("\"hot\""));

        assertEquals("local sensors/vibration {\"g\":[0.1,-0.2]}", take(received));
        assertEquals("local sensors/temperature \"hot\"", take(received));
    }

    @Test
    void manyLocalMessagesArriveInPublishOrder() throws Exception {
        RawClient subscriber = raw().hello("inference", "token-inference");
        RawClient publisher = raw().hello("camera", "token-camera");
        subscriber.send("{\"op\":\"subscribe\",\"topic\":\"seq/#\",\"ack\":true}");
        subscriber.expectOk("subscribe");

        for (int i = 0; i < 2_000; i++) {
            publisher.send("{\"op\":\"publish\",\"topic\":\"seq/" + (i % 3) + "\",\"payload\":{\"n\":" + i + "}}");
        }

        for (int i = 0; i < 2_000; i++) {
            JsonNode frame = subscriber.next();
            assertEquals(i, frame.path("payload").path("n").asInt(-1), frame.toString());
            assertEquals("seq/" + (i % 3), frame.path("topic").asText());
        }
    }

    @Test
    void ownMessagesAreSkippedUnlessReceiveOwnMessagesIsSet() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");
        camera.send("{\"op\":\"subscribe\",\"topic\":\"mine\",\"ack\":true}");
        camera.expectOk("subscribe");

        // The ack follows delivery on the same thread: an own message would arrive before it.
        camera.send("{\"op\":\"publish\",\"topic\":\"mine\",\"payload\":\"first\",\"ack\":true}");
        camera.expectOk("publish");
        camera.send("{\"op\":\"subscribe\",\"topic\":\"mine\",\"receiveOwnMessages\":true,\"ack\":true}");
        camera.expectOk("subscribe");
        camera.send("{\"op\":\"publish\",\"topic\":\"mine\",\"payload\":\"second\",\"ack\":true}");

        JsonNode own = camera.next();
        assertEquals("message", own.path("op").asText(), own.toString());
        assertEquals("second", own.path("payload").asText());
        camera.expectOk("publish");
    }

    @Test
    void malformedFrameIsAnsweredWithAnErrorAndTheConnectionKeepsWorking() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");

        camera.send("this is {not json");
        JsonNode error = camera.expectError(null);
        camera.send("{\"op\":\"subscribe\",\"topic\":\"t\",\"ack\":true}");

        assertFalse(error.has("request"), error.toString());
        assertTrue(error.path("message").asText().contains("not JSON"), error.toString());
        camera.expectOk("subscribe");
    }

    @Test
    void unknownOpsAndMissingFieldsAreErrorsNamingThem() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");

        camera.send("{\"op\":\"frobnicate\"}");
        camera.send("{\"op\":\"subscribe\"}");
        camera.send("{\"op\":\"publish\",\"topic\":\"t\"}");
        camera.send("{\"op\":\"subscribe\",\"topic\":\"a/#/b\"}");
        camera.send("{\"op\":\"publish\",\"topic\":\"a/+\",\"payload\":1}");

        assertTrue(message(camera.expectError("frobnicate")).contains("unknown op 'frobnicate'"));
        assertTrue(message(camera.expectError("subscribe")).contains("topic is missing"));
        assertTrue(message(camera.expectError("publish")).contains("payload is missing"));
        assertTrue(message(camera.expectError("subscribe")).contains("'a/#/b'"));
        assertTrue(message(camera.expectError("publish")).contains("'a/+'"));
    }

    @Test
    void publishCloudGoesToTheCloudPortWithItsQos() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");

        camera.send("{\"op\":\"publish-cloud\",\"topic\":\"edgetwin/dev-1/data\",\"payload\":{\"a\":1},\"qos\":1}");
        camera.send("{\"op\":\"publish-cloud\",\"topic\":\"edgetwin/dev-1/data\",\"payload\":[2]}");

        assertEquals(new FakeCloudPort.Published("edgetwin/dev-1/data", "{\"a\":1}", 1), take(cloud.published));
        assertEquals(new FakeCloudPort.Published("edgetwin/dev-1/data", "[2]", 0), take(cloud.published));
    }

    @Test
    void publishCloudWithAQosOtherThanZeroOrOneIsRefused() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");

        camera.send("{\"op\":\"publish-cloud\",\"topic\":\"t\",\"payload\":1,\"qos\":2}");
        JsonNode refused = camera.expectError("publish-cloud");
        camera.send("{\"op\":\"publish-cloud\",\"topic\":\"t\",\"payload\":1,\"qos\":\"1\"}");
        camera.expectError("publish-cloud");

        assertEquals("qos is 2; expected 0 or 1", message(refused));
        assertTrue(cloud.published.isEmpty());
    }

    @Test
    void publishCloudToAWildcardTopicIsRefusedAndNothingIsSent() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");

        camera.send("{\"op\":\"publish-cloud\",\"topic\":\"edgetwin/+/data\",\"payload\":1,\"ack\":true}");
        camera.expectError("publish-cloud");
        camera.send("{\"op\":\"publish-cloud\",\"topic\":\"edgetwin/dev-1/data\",\"payload\":2,\"ack\":true}");
        camera.expectOk("publish-cloud");

        assertEquals("2", take(cloud.published).payload(), "only the valid publish reached the cloud");
        assertTrue(cloud.published.isEmpty());
    }

    @Test
    void subscribeCloudForwardsBrokerMessagesAsCloudFrames() throws Exception {
        RawClient inference = raw().hello("inference", "token-inference");
        inference.send("{\"op\":\"subscribe-cloud\",\"topic\":\"edgetwin/dev-1/commands/#\",\"ack\":true}");
        inference.expectOk("subscribe-cloud");
        FakeCloudPort.CloudSubscription subscription = take(cloud.subscriptions);

        subscription.arrive("edgetwin/dev-1/commands/reset", "{\"now\":true}");
        subscription.arrive("edgetwin/dev-1/commands/say", "plain words");

        assertEquals("edgetwin/dev-1/commands/#", subscription.filter);
        JsonNode json = inference.next();
        assertEquals("cloud", json.path("source").asText());
        assertEquals("edgetwin/dev-1/commands/reset", json.path("topic").asText());
        assertTrue(json.path("payload").path("now").asBoolean(false), json.toString());
        JsonNode text = inference.next();
        assertEquals("plain words", text.path("payloadText").asText(), text.toString());
        assertFalse(text.has("payload"));
    }

    @Test
    void subscribeCloudWithAnInvalidFilterNeverReachesTheBroker() throws Exception {
        RawClient inference = raw().hello("inference", "token-inference");

        inference.send("{\"op\":\"subscribe-cloud\",\"topic\":\"a/#/b\"}");
        inference.expectError("subscribe-cloud");

        assertTrue(cloud.subscriptions.isEmpty());
    }

    @Test
    void closingTheConnectionCancelsItsCloudSubscriptions() throws Exception {
        RawClient inference = raw().hello("inference", "token-inference");
        inference.send("{\"op\":\"subscribe-cloud\",\"topic\":\"x/#\",\"ack\":true}");
        inference.expectOk("subscribe-cloud");
        FakeCloudPort.CloudSubscription subscription = take(cloud.subscriptions);

        inference.close();

        subscription.cancelled.get(5, TimeUnit.SECONDS);
    }

    @Test
    void updateStateReachesComponentEventsUnderTheNameFromHello() throws Exception {
        RawClient camera = raw().hello("camera", "token-camera");

        camera.send("{\"op\":\"update-state\",\"state\":\"RUNNING\"}");

        assertEquals("camera=RUNNING", take(reportedStates));
    }

    @Test
    void aComponentThatStopsReadingNeitherBlocksThePublisherNorOtherSubscribers() throws Exception {
        java.nio.channels.SocketChannel stuck = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        stuck.connect(java.net.UnixDomainSocketAddress.of(socket));
        clients.add(stuck);
        byte[] setup = ("{\"op\":\"hello\",\"component\":\"camera\",\"token\":\"token-camera\"}\n"
                + "{\"op\":\"subscribe\",\"topic\":\"frames\",\"ack\":true}\n").getBytes();
        stuck.write(java.nio.ByteBuffer.wrap(setup));
        RawClient reader = raw().hello("inference", "token-inference");
        reader.send("{\"op\":\"subscribe\",\"topic\":\"frames\",\"ack\":true}");
        reader.expectOk("subscribe");
        awaitSubscribers("frames", 2);
        byte[] payload = ("{\"pad\":\"" + "x".repeat(1000) + "\"}").getBytes();
        int messages = IpcConnection.OUTBOX_FRAMES * 3;

        for (int i = 0; i < messages; i++) {
            bus.publish("core", "frames", payload);
        }
        bus.publish("core", "frames", "{\"last\":true}".getBytes());

        JsonNode frame;
        do {
            frame = reader.next();
        } while (!frame.path("payload").has("last"));
        assertTrue(frame.path("payload").path("last").asBoolean());
    }

    /** Waits until {@code count} connections subscribed to the topic (each probe reaches them as a message). */
    private void awaitSubscribers(String topic, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (subscriberCount(topic) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("subscriptions to " + topic + " did not arrive");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private int subscriberCount(String topic) {
        return bus.publish("probe", topic, "{\"probe\":true}".getBytes());
    }

    private RawClient raw() throws IOException {
        return track(RawClient.connect(socket));
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    private static void serveInBackground(IpcClient client, BlockingQueue<String> received) {
        Thread reader = new Thread(() -> {
            try {
                client.serve((source, topic, payload, payloadText) ->
                        received.add(source + " " + topic + " " + (payload != null ? payload : payloadText)));
            } catch (IOException e) {
                // Closed at the end of the test.
            }
        }, "ipc-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static String message(JsonNode errorFrame) {
        return errorFrame.path("message").asText();
    }

    private static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(5, TimeUnit.SECONDS);
        assertNotNull(value, "nothing arrived within 5 s");
        return value;
    }
}
