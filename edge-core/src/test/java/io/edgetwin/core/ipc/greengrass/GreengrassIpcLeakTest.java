package io.edgetwin.core.ipc.greengrass;

import static io.edgetwin.core.ipc.greengrass.TestCore.pubsub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.JsonMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToComponentUpdatesRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToConfigurationUpdateRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscriptionResponseMessage;

/**
 * Connections of every kind come and go — official clients with subscriptions of each sort, subscribers
 * that die mid-stream, garbage, clients that never say CONNECT, oversized messages, a flood of
 * subscriptions past the stream limit — and the core ends where it began:
 * the same IPC threads, file descriptors, subscriptions and listeners.
 */
class GreengrassIpcLeakTest {

    @TempDir
    Path dir;

    @Test
    void connectionsThatComeAndGoLeaveNoThreadsDescriptorsOrSubscriptionsBehind() throws Exception {
        try (TestCore core = new TestCore(dir, IpcLimits.DEFAULT.withConnectTimeout(Duration.ofMillis(200))
                .withMaxStreams(16).withMaxFrameBytes(64 * 1024))) {
            core.component("a", "a-token", pubsub(List.of("*"), List.of("*")));
            round(core); // Warm-up: the client library's own event-loop threads and descriptors stay for the JVM.
            Counts before = awaitSettled(core, null);

            for (int i = 0; i < 10; i++) {
                round(core);
            }

            Counts after = awaitSettled(core, before);
            // Descriptors may drop below the first count (the JVM closes jars and sockets of its own
            // meanwhile); more would be a leak. Everything the server owns must be back to the same.
            assertTrue(after.descriptors() <= before.descriptors(), () -> "descriptors: " + before + " -> " + after);
            assertEquals(before.withDescriptors(0), after.withDescriptors(0));
        }
    }

    /** One of each kind of connection, all gone at the end. */
    private static void round(TestCore core) throws Exception {
        try (GreengrassCoreIPCClientV2 client = GreengrassCoreIPCClientV2.builder()
                .withSocketPath(core.socket.toString()).withAuthToken("a-token").build()) {
            BlockingQueue<SubscriptionResponseMessage> received = new LinkedBlockingQueue<>();
            client.subscribeToTopic(new SubscribeToTopicRequest().withTopic("leak/#"), received::add, Optional.empty(), Optional.empty());
            client.subscribeToConfigurationUpdate(new SubscribeToConfigurationUpdateRequest(), e -> { }, Optional.empty(), Optional.empty());
            client.subscribeToComponentUpdates(new SubscribeToComponentUpdatesRequest(), e -> { }, Optional.empty(), Optional.empty());
            client.publishToTopic(new PublishToTopicRequest().withTopic("leak/1").withPublishMessage(
                    new PublishMessage().withJsonMessage(new JsonMessage().withMessage(Map.of("n", 1)))));
            Objects.requireNonNull(received.poll(10, TimeUnit.SECONDS), "own message");
        }
        RawRpcClient dying = new RawRpcClient(core.socket).connect("a-token");
        dying.request(1, "aws.greengrass#SubscribeToTopic", "{\"topic\":\"leak/#\"}");
        dying.next();
        dying.close();
        try (RawRpcClient garbage = new RawRpcClient(core.socket)) {
            garbage.write(ByteBuffer.wrap(new byte[64]));
            garbage.next();
        }
        try (RawRpcClient silent = new RawRpcClient(core.socket)) {
            silent.next(); // closed by the core after the connect timeout
        }
        try (RawRpcClient oversized = new RawRpcClient(core.socket).connect("a-token")) {
            oversized.request(1, "aws.greengrass#PublishToTopic", "{\"topic\":\"leak/1\",\"publishMessage\":"
                    + "{\"binaryMessage\":{\"message\":\"" + "A".repeat(100_000) + "\"}}}");
            oversized.next(); // PROTOCOL_ERROR, then the core closes it
        }
        RawRpcClient flood = new RawRpcClient(core.socket).connect("a-token");
        for (int id = 1; id <= 40; id++) {
            flood.request(id, "aws.greengrass#SubscribeToTopic", "{\"topic\":\"flood/" + id + "\"}");
        }
        for (int i = 0; i < 40; i++) {
            flood.next(); // 16 accepted, the rest refused at the stream limit
        }
        flood.close(); // dies holding its 16 subscriptions
    }

    private static Counts awaitSettled(TestCore core, Counts target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Counts counts = Counts.of(core);
        // With no connection left, the server runs two threads of its own: the acceptor and the timer.
        while (target == null ? counts.connections() != 0 || counts.ipcThreads() != 2 : !counts.withinLeakFreeOf(target)) {
            if (System.nanoTime() > deadline) {
                return counts;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling a count until it settles or the deadline
            counts = Counts.of(core);
        }
        return counts;
    }

    record Counts(long ipcThreads, int descriptors, int connections, int streams, int busSubscriptions,
                  int configurationListeners, int updateListeners) {

        Counts withDescriptors(int count) {
            return new Counts(ipcThreads, count, connections, streams, busSubscriptions, configurationListeners,
                    updateListeners);
        }

        /** The same as {@code before}, with no more descriptors open than it had. */
        boolean withinLeakFreeOf(Counts before) {
            return descriptors <= before.descriptors && withDescriptors(0).equals(before.withDescriptors(0));
        }

        static Counts of(TestCore core) {
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("ipc-gg")).count();
            String[] fds = new File("/proc/self/fd").list();
            return new Counts(threads, fds == null ? -1 : fds.length, core.server.connections(),
                    core.server.openStreams(), core.bus.size(), core.configurations.listeners(), core.updates.listeners());
        }
    }
}
