package io.edgetwin.core.ipc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.Grants;
import io.edgetwin.core.ipc.IpcClient;
import io.edgetwin.core.ipc.IpcServer;
import io.edgetwin.core.ipc.LocalBus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
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

/**
 * The core's local pub/sub, end to end: one publisher component and one subscriber component, both real
 * {@link IpcClient}s on a real {@link IpcServer} over a Unix socket, 64-byte JSON payloads
 * (docs/performance.md "Local pub/sub").
 *
 * <ul>
 *   <li>Throughput (JMH): the publisher sends as fast as it can, but at most {@link #WINDOW} messages
 *       ahead of what the subscriber has received, so ops/s is sustained delivery, not socket buffering.</li>
 *   <li>Latency ({@link #latency}): one-way, publisher call to subscriber handler, at a fixed rate,
 *       measured from each message's <em>intended</em> send time into an HdrHistogram {@link Recorder}
 *       (no coordinated omission), one interval histogram per iteration.</li>
 * </ul>
 *
 * Not a test (surefire never runs it). Run {@link #main}; JVM flags given to it reach the JMH fork too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalPubSubBenchmark {

    static final String TOPIC = "sensors/pump1/vibration";
    static final String PROBE = "sensors/probe/ready";
    static final int PAYLOAD_BYTES = 64;
    static final int WINDOW = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Core core;
    private final Semaphore window = new Semaphore(WINDOW);
    private ObjectNode payload;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        payload = payload(0);
        core = Core.start((topic, node) -> window.release());
    }

    @Benchmark
    public void publishDelivered() throws InterruptedException {
        window.acquire();
        core.publisher.publish(TOPIC, payload);
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
    public void tearDown() throws IOException {
        core.close();
    }

    /** {"t":<nanos>,"p":"xx…"}, padded to exactly {@link #PAYLOAD_BYTES} bytes. */
    static ObjectNode payload(long t) {
        ObjectNode node = JSON.createObjectNode().put("t", t);
        int pad = PAYLOAD_BYTES - (13 + Long.toString(t).length());
        return node.put("p", "x".repeat(Math.max(0, pad)));
    }

    /**
     * One-way latency at {@code rate} msg/s: {@code warmups} + {@code iterations} intervals of
     * {@code seconds} each; prints p50/p99/max per measured interval and their medians.
     */
    static void latency(int rate, int warmups, int iterations, int seconds) throws Exception {
        Recorder recorder = new Recorder(3);
        Recorder sendLag = new Recorder(3); // how late the publisher itself was: the share of the latency outside the core
        try (Core core = Core.start((topic, node) -> {
            long now = System.nanoTime();
            recorder.recordValue(Math.max(0, now - node.get("t").asLong()));
        })) {
            long period = 1_000_000_000L / rate;
            double[][] rows = new double[iterations][];
            for (int it = 0; it < warmups + iterations; it++) {
                recorder.getIntervalHistogram(); // reset
                sendLag.getIntervalHistogram();
                long start = System.nanoTime();
                long perIteration = (long) rate * seconds;
                for (long i = 0; i < perIteration; i++) {
                    long intended = start + i * period;
                    long now;
                    while ((now = System.nanoTime()) < intended) {
                        LockSupport.parkNanos(intended - now);
                    }
                    sendLag.recordValue(now - intended);
                    core.publisher.publish(TOPIC, payload(intended));
                }
                Thread.sleep(50); // the last messages arrive
                Histogram h = recorder.getIntervalHistogram();
                Histogram lag = sendLag.getIntervalHistogram();
                String label = it < warmups ? "warmup " + (it + 1) : "iteration " + (it - warmups + 1);
                System.out.printf("latency %s: n=%d p50=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us (publisher late: p50=%.1f us p99=%.1f us)%n", label,
                        h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                        lag.getValueAtPercentile(50) / 1e3, lag.getValueAtPercentile(99) / 1e3);
                if (it >= warmups) {
                    rows[it - warmups] = new double[] {h.getValueAtPercentile(50) / 1e3,
                            h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3};
                }
            }
            System.out.printf("latency at %d msg/s, median of %d x %d s: p50=%.1f us p99=%.1f us max=%.1f us%n",
                    rate, iterations, seconds, median(rows, 0), median(rows, 1), median(rows, 2));
        }
    }

    private static double median(double[][] rows, int column) {
        double[] v = Arrays.stream(rows).mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * Throughput (JMH, forked), then latency (in this JVM). Arguments: {@code [rate msg/s, default 10000]};
     * {@code -Dbench.only=throughput|latency} runs one part.
     */
    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "");
        if (!only.equals("latency")) {
            new Runner(new OptionsBuilder().include(LocalPubSubBenchmark.class.getName() + ".publishDelivered").build()).run();
        }
        if (!only.equals("throughput")) {
            latency(args.length > 0 ? Integer.parseInt(args[0]) : 10_000, 3, 5, 2);
        }
    }

    /** A real core IPC endpoint on a temp socket, a publisher component and a subscriber component. */
    static final class Core implements AutoCloseable {
        final Path dir;
        final IpcServer server;
        final IpcClient publisher;
        final IpcClient subscriber;

        private Core(Path dir, IpcServer server, IpcClient publisher, IpcClient subscriber) {
            this.dir = dir;
            this.server = server;
            this.publisher = publisher;
            this.subscriber = subscriber;
        }

        static Core start(Delivery delivery) throws Exception {
            Path dir = Files.createTempDirectory("edgetwin-bench");
            Path socket = dir.resolve("ipc.sock");
            IpcServer server = new IpcServer(socket, new LocalBus(), new NoCloud(), (component, state) -> { });
            server.authorize("bench.Publisher", "token-pub", Grants.everything());
            server.authorize("bench.Subscriber", "token-sub", Grants.everything());
            server.start();
            IpcClient subscriber = IpcClient.connect(socket);
            subscriber.hello("bench.Subscriber", "token-sub");
            IpcClient publisher = IpcClient.connect(socket);
            publisher.hello("bench.Publisher", "token-pub");

            CountDownLatch ready = new CountDownLatch(1);
            subscriber.subscribe("sensors/#");
            Thread reader = new Thread(() -> {
                try {
                    subscriber.serve((source, topic, payload, text) -> {
                        if (topic.equals(PROBE)) {
                            ready.countDown();
                        } else {
                            delivery.delivered(topic, payload);
                        }
                    });
                } catch (IOException e) {
                    // closed at the end
                }
            }, "bench-subscriber");
            reader.setDaemon(true);
            reader.start();
            // subscribe has no answer without ack: probe until the subscription is in place.
            while (!ready.await(10, TimeUnit.MILLISECONDS)) {
                publisher.publish(PROBE, payload(0));
            }
            return new Core(dir, server, publisher, subscriber);
        }

        @Override
        public void close() throws IOException {
            publisher.close();
            subscriber.close();
            server.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    interface Delivery {
        void delivered(String topic, JsonNode payload);
    }

    private static final class NoCloud implements CloudPort {
        @Override
        public void publish(String topic, byte[] payload, int qos) {
        }

        @Override
        public AutoCloseable subscribe(String filter, io.edgetwin.core.ipc.Subscriber subscriber) {
            return () -> { };
        }
    }
}
