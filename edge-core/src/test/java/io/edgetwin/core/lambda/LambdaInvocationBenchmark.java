package io.edgetwin.core.lambda;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.LambdaParameters.ContainerMode;
import io.edgetwin.core.recipe.LambdaParameters.Encoding;
import io.edgetwin.core.recipe.LambdaParameters.EventSource;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cold and warm invocations through the Lambda launcher against the same handler called in this JVM
 * (docs/performance.md, "Lambda launcher"). Not a test: run {@link #main} with the test class path and
 * {@code HANDLER [EVENT_JSON] [N]}; a pinned function on the local bus, one event at a time, its result
 * on a local topic. Cold: function start → its instance ready (the handler's constructor included).
 */
public final class LambdaInvocationBenchmark {

    private LambdaInvocationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String handler = args[0];
        byte[] event = (args.length > 1 ? args[1] : "{}").getBytes(StandardCharsets.UTF_8);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        System.out.printf("in process: p50 %.3f ms%n", inProcessP50(handler, event, n));
        LocalBus bus = new LocalBus();
        LambdaLauncher launcher = LambdaLauncher.ofThisJvm(bus, new NoCloud(), "bench");
        AtomicReference<CountDownLatch> answered = new AtomicReference<>(new CountDownLatch(1));
        bus.subscribe("bench", new io.edgetwin.mqtt.TopicFilter("out"), true, (t, p) -> answered.get().countDown());
        CountDownLatch ready = new CountDownLatch(1);
        long start = System.nanoTime();
        launcher.start("bench.Fn", "1.0.0", parameters(handler), null, ready::countDown);
        ready.await(120, TimeUnit.SECONDS);
        System.out.printf("cold start (instance ready): %.1f ms%n", (System.nanoTime() - start) / 1e6);
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            answered.set(new CountDownLatch(1));
            long t0 = System.nanoTime();
            bus.publish("bench", "in", event);
            answered.get().await(30, TimeUnit.SECONDS);
            nanos[i] = System.nanoTime() - t0;
        }
        System.out.printf("first invocation: %.3f ms%n", nanos[0] / 1e6);
        long[] warm = Arrays.copyOfRange(nanos, Math.min(100, n - 1), n);
        Arrays.sort(warm);
        System.out.printf("warm through the launcher: p50 %.3f ms, p99 %.3f ms (%d invocations)%n",
                warm[warm.length / 2] / 1e6, warm[(int) (warm.length * 0.99)] / 1e6, warm.length);
        LambdaCounters c = launcher.counters().get("bench.Fn");
        System.out.println("counters " + c);
        launcher.stopAll();
    }

    private static double inProcessP50(String handlerClass, byte[] event, int n) throws Exception {
        Class<?> type = Class.forName(handlerClass.split("::")[0]);
        Constructor<?> constructor = type.getConstructor();
        @SuppressWarnings("unchecked")
        com.amazonaws.services.lambda.runtime.RequestHandler<Map<String, Object>, Object> h =
                (com.amazonaws.services.lambda.runtime.RequestHandler<Map<String, Object>, Object>) constructor.newInstance();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            @SuppressWarnings("unchecked")
            Map<String, Object> input = json.readValue(event, Map.class);
            json.writeValueAsBytes(h.handleRequest(input, new LambdaContext("r", "bench.Fn", "1.0.0", "", 512,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(30), System::nanoTime)));
            nanos[i] = System.nanoTime() - t0;
        }
        long[] warm = Arrays.copyOfRange(nanos, Math.min(100, n - 1), n);
        Arrays.sort(warm);
        return warm[warm.length / 2] / 1e6;
    }

    private static LambdaParameters parameters(String handler) {
        return new LambdaParameters(handler, "java17", Optional.empty(), ContainerMode.NO_CONTAINER, 512 * 1024, true, 1,
                Duration.ofSeconds(60), Duration.ofSeconds(30), 1000, Duration.ofSeconds(120), Encoding.JSON, Map.of(),
                List.of(new EventSource("in", EventSource.Type.PUB_SUB)),
                Optional.of(new EventSource("out", EventSource.Type.PUB_SUB)));
    }

    /** No IoT Core: the benchmark's function listens on the local bus only. */
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
