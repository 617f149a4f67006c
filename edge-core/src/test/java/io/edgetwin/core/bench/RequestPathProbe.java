package io.edgetwin.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.core.messaging.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Splits one twin's request path by timestamps, against a broker the twin is connected to directly
 * (docs/performance.md, "Where the request path's time goes"). Sends {@code requests} inference
 * requests at {@code rate}/s, QoS 1 both ways like the harness, and for every answer takes: the whole
 * path (send → answer, monotonic clock), the forward pass ({@code inferenceMicros}, timed in the
 * component) and the answer's way back (the answer's {@code timestamp}, taken right after the forward
 * pass, to the wall clock on arrival: the twin shares this host's clock). The request's way in is
 * what is left. Then the same number of QoS 1 round trips through the broker alone (this client to
 * itself, the same payload), which is what the two broker hops of the path cost without the twin.
 *
 * <pre>
 * java -cp "edge-core/target/test-classes:edge-core/target/classes:edge-core/target/twin-dist/lib/*" \
 *   io.edgetwin.core.bench.RequestPathProbe tcp://127.0.0.1:18931 THING [requests] [rate]
 * </pre>
 */
public final class RequestPathProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INPUT_LENGTH = 128;

    private final MqttClient client;
    private final Map<String, long[]> sent = new ConcurrentHashMap<>();
    private final long[] pathNanos;
    private final long[] inferenceMicros;
    private final long[] answerLegMicros;
    private int answers;
    private CountDownLatch done;

    private RequestPathProbe(MqttClient client, int requests) {
        this.client = client;
        this.pathNanos = new long[requests];
        this.inferenceMicros = new long[requests];
        this.answerLegMicros = new long[requests];
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        String thing = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 50;
        MqttClient client = new MqttClient(broker, "path-probe-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setCleanSession(true);
        client.connect(options);
        try {
            RequestPathProbe probe = new RequestPathProbe(client, requests);
            probe.twin(thing, requests, rate);
            probe.brokerAlone(thing, requests, rate);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private void twin(String thing, int requests, double rate) throws Exception {
        String request = "edgetwin/" + thing + "/inference/request";
        answers = 0;
        done = new CountDownLatch(requests);
        client.subscribe("edgetwin/" + thing + "/inference/response", 1, (topic, message) -> answered(message.getPayload()));
        SplittableRandom random = new SplittableRandom(42);
        // 100 unmeasured requests first: the JIT of the core and the component, and the DJL predictor.
        for (int i = -100; i < requests; i++) {
            String id = Integer.toString(i);
            byte[] payload = ("{\"id\":\"" + id + "\",\"input\":" + input(random) + "}").getBytes(StandardCharsets.UTF_8);
            sent.put(id, new long[] {System.nanoTime()});
            client.publish(request, payload, 1, false);
            pace(rate);
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            System.out.println("answers missing: " + done.getCount());
        }
        client.unsubscribe("edgetwin/" + thing + "/inference/response");
        int n = answers;
        long[] path = Arrays.copyOf(pathNanos, n);
        long[] inference = Arrays.copyOf(inferenceMicros, n);
        long[] back = Arrays.copyOf(answerLegMicros, n);
        long[] in = new long[n];
        for (int i = 0; i < n; i++) {
            in[i] = path[i] / 1000 - inference[i] - back[i];
        }
        long[] overhead = new long[n];
        for (int i = 0; i < n; i++) {
            overhead[i] = path[i] / 1000 - inference[i];
        }
        System.out.printf(Locale.ROOT, "twin %s, %d answers at %.0f/s:%n", thing, n, rate);
        print("path (send -> answer)", micros(path));
        print("forward pass (inferenceMicros)", inference);
        print("path minus forward pass, per answer", overhead);
        print("request in (send -> forward pass starts)", in);
        print("answer back (forward pass ends -> answer)", back);
    }

    private synchronized void answered(byte[] payload) throws Exception {
        long now = System.nanoTime();
        Instant arrived = Instant.now();
        JsonNode answer = JSON.readTree(payload);
        long[] at = sent.remove(answer.path("id").asText());
        if (at == null || answer.path("id").asInt() < 0 || answer.has("error")) {
            return;
        }
        pathNanos[answers] = now - at[0];
        inferenceMicros[answers] = answer.path("inferenceMicros").asLong();
        answerLegMicros[answers] = Duration.between(Instant.parse(answer.path("timestamp").asText()), arrived).toNanos() / 1000;
        answers++;
        done.countDown();
    }

    /** QoS 1 to a topic this client hears itself: two broker hops with the path's payload, no twin. */
    private void brokerAlone(String thing, int requests, double rate) throws Exception {
        String topic = "edgetwin/" + thing + "/probe/echo";
        long[] rtt = new long[requests];
        CountDownLatch heard = new CountDownLatch(requests + 100);
        long[] startedAt = new long[1];
        int[] count = {0};
        client.subscribe(topic, 1, (t, message) -> {
            long now = System.nanoTime();
            synchronized (rtt) {
                int i = count[0]++;
                if (i >= 100) {
                    rtt[i - 100] = now - startedAt[0];
                }
            }
            heard.countDown();
        });
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < requests + 100; i++) {
            byte[] payload = ("{\"id\":\"" + i + "\",\"input\":" + input(random) + "}").getBytes(StandardCharsets.UTF_8);
            long before = heard.getCount();
            synchronized (rtt) {
                startedAt[0] = System.nanoTime();
            }
            client.publish(topic, payload, 1, false);
            while (heard.getCount() == before) {
                Thread.onSpinWait();
            }
            pace(rate);
        }
        client.unsubscribe(topic);
        print("broker alone (QoS 1 round trip, same payload)", micros(rtt));
    }

    private static String input(SplittableRandom random) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < INPUT_LENGTH; i++) {
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", random.nextDouble(-1, 1)));
        }
        return out.append(']').toString();
    }

    private static void pace(double rate) throws InterruptedException {
        long nanos = (long) (1e9 / rate);
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    private static long[] micros(long[] nanos) {
        return Arrays.stream(nanos).map(v -> v / 1000).toArray();
    }

    private static void print(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-46s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms%n", what,
                at(sorted, 0.5) / 1e3, at(sorted, 0.9) / 1e3, at(sorted, 0.99) / 1e3);
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
