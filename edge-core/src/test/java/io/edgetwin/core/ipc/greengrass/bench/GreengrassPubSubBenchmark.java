package io.edgetwin.core.ipc.greengrass.bench;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.core.ipc.greengrass.ComponentConfigurations;
import io.edgetwin.core.ipc.greengrass.ComponentUpdates;
import io.edgetwin.core.ipc.greengrass.GreengrassIpcServer;
import io.edgetwin.core.ipc.greengrass.IpcLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.JsonMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicRequest;

/**
 * Local pub/sub through Greengrass IPC, end to end: a real {@link GreengrassIpcServer} on a temp Unix
 * socket, one publisher and one subscriber component, both the official {@code GreengrassCoreIPCClientV2}
 * (aws-crt), JSON messages of 64 bytes ({@code {"t":…,"p":"xx…"}}) to {@code sensors/pump1/vibration},
 * the subscriber on {@code sensors/#}. The publisher uses {@code publishToTopicAsync} and stays at most
 * {@link #WINDOW} messages ahead of what the subscriber received, so ops/s is sustained delivery
 * (docs/performance.md "Local pub/sub through Greengrass IPC").
 *
 * Not a test (surefire never runs it). Run {@link #main}; JVM flags given to it reach the JMH fork too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GreengrassPubSubBenchmark {

    static final String TOPIC = "sensors/pump1/vibration";
    static final int WINDOW = 1024;

    private final Semaphore window = new Semaphore(WINDOW);
    private Path dir;
    private GreengrassIpcServer server;
    private GreengrassCoreIPCClientV2 publisher;
    private GreengrassCoreIPCClientV2 subscriber;
    private PublishToTopicRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        java.util.logging.Logger.getLogger("software.amazon.awssdk").setLevel(java.util.logging.Level.WARNING);
        dir = Files.createTempDirectory("edgetwin-gg-bench");
        Path socket = dir.resolve("ipc.socket");
        server = new GreengrassIpcServer(socket, IpcLimits.DEFAULT, new LocalBus(), new NoCloud(), (c, s) -> { },
                new ComponentConfigurations(), new ComponentUpdates());
        Map<String, Object> everything = Map.of("accessControl", Map.of("aws.greengrass.ipc.pubsub",
                Map.of("all", Map.of("operations", List.of("*"), "resources", List.of("*")))));
        server.authorize("bench.Publisher", "token-pub", everything);
        server.authorize("bench.Subscriber", "token-sub", everything);
        server.start();
        subscriber = client(socket, "token-sub");
        subscriber.subscribeToTopic(new SubscribeToTopicRequest().withTopic("sensors/#"), message -> window.release(),
                Optional.empty(), Optional.empty());
        publisher = client(socket, "token-pub");
        String pad = "x".repeat(64 - 29);
        request = new PublishToTopicRequest().withTopic(TOPIC).withPublishMessage(new PublishMessage()
                .withJsonMessage(new JsonMessage().withMessage(Map.of("t", 1_733_450_000_000_000_000L, "p", pad))));
    }

    /** {@code -Dbench.executor=false}: callbacks on the client's event-loop thread instead of its executor. */
    private static GreengrassCoreIPCClientV2 client(Path socket, String token) throws Exception {
        GreengrassCoreIPCClientV2.Builder builder = GreengrassCoreIPCClientV2.builder()
                .withSocketPath(socket.toString()).withAuthToken(token);
        if (!Boolean.parseBoolean(System.getProperty("bench.executor", "true"))) {
            builder.withoutExecutor();
        }
        return builder.build();
    }

    @Benchmark
    public void publishDelivered() throws InterruptedException {
        window.acquire();
        publisher.publishToTopicAsync(request);
    }

    /**
     * The core alone: the same messages from hand-encoded frames on plain sockets (no aws-crt, no
     * client-side JSON), so the core's share of the cost shows apart from the client library's.
     */
    @State(Scope.Benchmark)
    public static class CoreOnly {
        final Semaphore window = new Semaphore(WINDOW);
        GreengrassIpcServer server;
        RawComponent publisher;
        RawComponent subscriber;
        Path dir;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = Files.createTempDirectory("edgetwin-gg-bench");
            Path socket = dir.resolve("ipc.socket");
            server = new GreengrassIpcServer(socket, IpcLimits.DEFAULT, new LocalBus(), new NoCloud(), (c, s) -> { },
                    new ComponentConfigurations(), new ComponentUpdates());
            Map<String, Object> everything = Map.of("accessControl", Map.of("aws.greengrass.ipc.pubsub",
                    Map.of("all", Map.of("operations", List.of("*"), "resources", List.of("*")))));
            server.authorize("bench.Publisher", "token-pub", everything);
            server.authorize("bench.Subscriber", "token-sub", everything);
            server.start();
            subscriber = RawComponent.connect(socket, "token-sub", window::release);
            subscriber.request("aws.greengrass#SubscribeToTopic", "{\"topic\":\"sensors/#\"}");
            publisher = RawComponent.connect(socket, "token-pub", () -> { });
        }

        @TearDown(Level.Iteration)
        public void drain() throws InterruptedException {
            if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("messages lost: " + window.availablePermits() + " of " + WINDOW);
            }
            window.release(WINDOW);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            publisher.close();
            subscriber.close();
            server.close();
            Files.deleteIfExists(dir);
        }
    }

    private static final String RAW_REQUEST = "{\"topic\":\"" + TOPIC + "\",\"publishMessage\":{\"jsonMessage\":"
            + "{\"message\":{\"t\":1733450000000000000,\"p\":\"" + "x".repeat(64 - 29) + "\"}}}}";

    @Benchmark
    public void coreOnlyPublishDelivered(CoreOnly core) throws Exception {
        core.window.acquire();
        core.publisher.request("aws.greengrass#PublishToTopic", RAW_REQUEST);
    }

    /** Lets everything in flight arrive, so no iteration is credited with the previous one's backlog. */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("messages lost: " + window.availablePermits() + " of " + WINDOW + " came back");
        }
        window.release(WINDOW);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        printCpuShare();
        publisher.close();
        subscriber.close();
        server.close();
        Files.deleteIfExists(dir);
    }

    /**
     * Where the CPU went over the whole trial: the core's IPC threads ({@code ipc-gg-*}, still alive
     * here) against the whole process (JMH, both clients' Java and aws-crt threads, GC, JIT).
     */
    private static void printCpuShare() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long coreNanos = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("ipc-gg")) {
                coreNanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        long processNanos = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf("%ncpu: core IPC threads %.1f s of %.1f s for the process (%.0f %%)%n",
                coreNanos / 1e9, processNanos / 1e9, 100.0 * coreNanos / processNanos);
    }

    /** Both benchmarks; {@code -Dbench.only=publishDelivered|coreOnlyPublishDelivered} runs one. */
    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "");
        new Runner(new OptionsBuilder().include(GreengrassPubSubBenchmark.class.getName() + "."
                + (only.isEmpty() ? "" : only + "$")).build()).run();
    }

    private static final class NoCloud implements CloudPort {
        @Override
        public void publish(String topic, byte[] payload, int qos) {
        }

        @Override
        public AutoCloseable subscribe(String filter, Subscriber subscriber) {
            return () -> { };
        }
    }
}
