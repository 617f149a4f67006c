package io.edgetwin.core.ipc.greengrass;

import static io.edgetwin.core.ipc.greengrass.TestCore.pubsub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.eventstream.HeaderValue;

/** Frames the official client never sends: each ends (or refuses) that connection only. */
class GreengrassIpcBadInputTest {

    private static final String SUBSCRIBE = "aws.greengrass#SubscribeToTopic";
    private static final String PUBLISH = "aws.greengrass#PublishToTopic";

    @TempDir
    Path dir;
    TestCore core;
    RawRpcClient bystander;

    @BeforeEach
    void start() throws Exception {
        core = new TestCore(dir, IpcLimits.DEFAULT.withConnectTimeout(Duration.ofMillis(300)).withMaxStreams(64)
                .withMaxFrameBytes(64 * 1024))
                .component("a", "a-token", pubsub(List.of("*"), List.of("*")))
                .component("b", "b-token", pubsub(List.of("*"), List.of("*")));
        bystander = new RawRpcClient(core.socket).connect("b-token");
    }

    @AfterEach
    void stop() throws Exception {
        bystander.close();
        core.close();
    }

    @Test
    void garbageIsAnsweredWithAProtocolErrorAndEndsThatConnectionOnly() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket)) {
            client.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: core\r\n\r\n".getBytes()));

            RpcFrame error = client.next();
            assertEquals(MessageType.PROTOCOL_ERROR, error.type());
            assertTrue(client.text(error).contains("not an event-stream message"), client.text(error));
            assertSame(RawRpcClient.CLOSED, client.next());
        }
        assertBystanderServed();
    }

    @Test
    void aCorruptChecksumIsAProtocolError() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket).connect("a-token")) {
            ByteBuffer frame = new RpcFrame(MessageType.PING, 0, 0, Map.of(), new byte[] {1, 2, 3}).encode();
            frame.put(frame.limit() - 5, (byte) (frame.get(frame.limit() - 5) ^ 0xFF));
            client.write(frame);

            RpcFrame error = client.next();
            assertEquals(MessageType.PROTOCOL_ERROR, error.type());
            assertTrue(client.text(error).contains("malformed event-stream message"), client.text(error));
            assertSame(RawRpcClient.CLOSED, client.next());
        }
        assertBystanderServed();
    }

    @Test
    void anOperationBeforeConnectIsAProtocolError() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket)) {
            client.request(1, PUBLISH, "{}");

            RpcFrame error = client.next();
            assertEquals(MessageType.PROTOCOL_ERROR, error.type());
            assertTrue(client.text(error).contains("CONNECT message is required"), client.text(error));
            assertSame(RawRpcClient.CLOSED, client.next());
        }
    }

    @Test
    void aClientThatNeverSendsConnectIsClosedAfterTheTimeout() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket)) {
            assertSame(RawRpcClient.CLOSED, client.next());
        }
        TestCore.await(() -> core.server.connections() == 1, "only the bystander left");
        assertBystanderServed();
    }

    @Test
    void anOversizedMessageIsRefusedBeforeItIsRead() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket).connect("a-token")) {
            String big = "{\"topic\":\"t\",\"publishMessage\":{\"binaryMessage\":{\"message\":\"" + "A".repeat(100_000) + "\"}}}";
            client.request(1, PUBLISH, big);

            RpcFrame error = client.next();
            assertEquals(MessageType.PROTOCOL_ERROR, error.type());
            assertTrue(client.text(error).contains("expected at most 65536 bytes"), client.text(error));
            assertSame(RawRpcClient.CLOSED, client.next());
        }
        assertBystanderServed();
    }

    @Test
    void aRequestThatIsNotJsonIsAnsweredWithInvalidArgumentsError() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket).connect("a-token")) {
            client.request(1, PUBLISH, "{not json");

            RpcFrame error = client.next();
            assertEquals(MessageType.APPLICATION_ERROR, error.type());
            assertEquals("aws.greengrass#InvalidArgumentsError", error.string(RpcFrame.SERVICE_MODEL_TYPE));
            assertTrue(error.terminates());
        }
    }

    @Test
    void aFloodOfSubscriptionsStopsAtTheStreamLimitAndIsReleasedWithTheConnection() throws Exception {
        try (RawRpcClient client = new RawRpcClient(core.socket).connect("a-token")) {
            for (int id = 1; id <= 100; id++) {
                client.request(id, SUBSCRIBE, "{\"topic\":\"flood/" + id + "\"}");
            }
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 100; i++) {
                RpcFrame answer = client.next();
                if (answer.type() == MessageType.APPLICATION_MESSAGE) {
                    accepted++;
                } else {
                    assertEquals("aws.greengrass#ServiceError", answer.string(RpcFrame.SERVICE_MODEL_TYPE));
                    refused++;
                }
            }
            assertEquals(64, accepted);
            assertEquals(36, refused);
            assertEquals(64, core.bus.size());
        }
        TestCore.await(() -> core.bus.size() == 0, "the flood's subscriptions released");
        assertBystanderServed();
    }

    @Test
    void aSubscriberThatDiesMidStreamLeavesThePublisherServed() throws Exception {
        RawRpcClient dying = new RawRpcClient(core.socket).connect("a-token");
        dying.request(1, SUBSCRIBE, "{\"topic\":\"stream/#\"}");
        assertEquals(MessageType.APPLICATION_MESSAGE, dying.next().type());
        for (int id = 1; id <= 200; id++) {
            bystander.request(id, PUBLISH, "{\"topic\":\"stream/x\",\"publishMessage\":{\"jsonMessage\":{\"message\":{\"n\":" + id + "}}}}");
            if (id == 50) {
                dying.close();
            }
        }
        for (int id = 1; id <= 200; id++) {
            RpcFrame answer = bystander.next();
            assertEquals(MessageType.APPLICATION_MESSAGE, answer.type(), bystander.text(answer));
        }
        TestCore.await(() -> core.bus.size() == 0 && core.server.connections() == 1, "the dead subscriber released");
    }

    @Test
    void aSubscriberThatStopsReadingNeverHoldsUpItsPublisher() throws Exception {
        try (TestCore small = new TestCore(dir.resolve("small"), new IpcLimits(64 * 1024, Duration.ofSeconds(10), 64, 16))
                .component("a", "a-token", pubsub(List.of("*"), List.of("*")));
             RawRpcClient publisher = new RawRpcClient(small.socket).connect("a-token");
             java.nio.channels.SocketChannel stuck = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stuck.connect(java.net.UnixDomainSocketAddress.of(small.socket));
            stuck.write(new RpcFrame(MessageType.CONNECT, 0, 0, Map.of(RpcFrame.VERSION, HeaderValue.fromString("0.1.0")),
                    "{\"authToken\":\"a-token\"}".getBytes()).encode());
            stuck.write(new RpcFrame(MessageType.APPLICATION_MESSAGE, 0, 1, Map.of(RpcFrame.OPERATION,
                    HeaderValue.fromString(SUBSCRIBE)), "{\"topic\":\"firehose\"}".getBytes()).encode());
            TestCore.await(() -> small.bus.size() == 1, "the stuck component's subscription");
            String payload = "{\"topic\":\"firehose\",\"publishMessage\":{\"binaryMessage\":{\"message\":\""
                    + "A".repeat(4000) + "\"}}}";

            for (int id = 1; id <= 2000; id++) {
                publisher.request(id, PUBLISH, payload);
                assertEquals(MessageType.APPLICATION_MESSAGE, publisher.next().type(), "publish " + id + " answered");
            }
        }
    }

    @Test
    void aStreamTheClientClosesReleasesItsSubscription() throws Exception {
        bystander.request(1, SUBSCRIBE, "{\"topic\":\"a/b\"}");
        assertEquals(MessageType.APPLICATION_MESSAGE, bystander.next().type());
        assertEquals(1, core.bus.size());

        bystander.send(new RpcFrame(MessageType.APPLICATION_MESSAGE, RpcFrame.TERMINATE_STREAM, 1, Map.of(), null));

        TestCore.await(() -> core.bus.size() == 0 && core.server.openStreams() == 0, "the subscription released");
    }

    @Test
    void aPingIsAnsweredWithItsOwnHeadersAndPayload() throws Exception {
        bystander.send(new RpcFrame(MessageType.PING, 0, 0, Map.of("x-probe", HeaderValue.fromString("42")), new byte[] {7}));

        RpcFrame pong = bystander.next();
        assertEquals(MessageType.PING_RESPONSE, pong.type());
        assertEquals("42", pong.string("x-probe"));
    }

    private void assertBystanderServed() throws Exception {
        bystander.request(999, PUBLISH, "{\"topic\":\"alive\",\"publishMessage\":{\"jsonMessage\":{\"message\":{}}}}");
        RpcFrame answer = bystander.next();
        assertEquals(MessageType.APPLICATION_MESSAGE, answer.type());
        assertEquals("aws.greengrass#PublishToTopicResponse", answer.string(RpcFrame.SERVICE_MODEL_TYPE));
    }
}
