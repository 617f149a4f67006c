package io.edgetwin.core.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.LambdaParameters.ContainerMode;
import io.edgetwin.core.recipe.LambdaParameters.Encoding;
import io.edgetwin.core.recipe.LambdaParameters.EventSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher feeds a function from its event sources and checks handlers before anything runs. */
class LambdaLauncherTest {

    private final LocalBus bus = new LocalBus();
    private final FakeCloud cloud = new FakeCloud();
    private final LambdaLauncher launcher = LambdaLauncher.ofThisJvm(bus, cloud, "thing-1");

    @AfterEach
    void stop() {
        launcher.stopAll();
    }

    @Test
    void messagesOnTheLocalBusAndFromIotCoreBecomeInvocationsOfTheFunction() {
        launcher.start("com.example.Fn", "1.0.0", parameters(ScriptedHandler.class.getName(),
                List.of(new EventSource("factory/+/vibration", EventSource.Type.PUB_SUB),
                        new EventSource("cloud/requests", EventSource.Type.IOT_CORE))), null, () -> { });
        bus.publish("com.example.Sensor", "factory/line-1/vibration", "{}".getBytes(StandardCharsets.UTF_8));
        bus.publish("com.example.Sensor", "factory/line-1/temperature", "{}".getBytes(StandardCharsets.UTF_8));
        cloud.deliver("cloud/requests", "{}".getBytes(StandardCharsets.UTF_8));
        await(() -> counters().succeeded() == 2, "two invocations");
        assertEquals(2, counters().received(), "the temperature topic is not an event source");
    }

    @Test
    void aResultIsPublishedOnTheResultTopicWithTheThingsName() {
        LambdaParameters p = parameters(UpperCaseStreamHandler.class.getName(), List.of(new EventSource("in", EventSource.Type.PUB_SUB)));
        launcher.start("com.example.Fn", "1.0.0", new LambdaParameters(p.handler(), p.runtime(), p.classpath(), p.containerMode(),
                p.memorySizeKb(), p.pinned(), p.maxInstancesCount(), p.maxIdleTime(), p.timeout(), p.maxQueueSize(),
                p.statusTimeout(), p.inputEncoding(), p.environment(), p.eventSources(),
                Optional.of(new EventSource("edgetwin/{iot:thingName}/out", EventSource.Type.IOT_CORE))), null, () -> { });
        bus.publish("com.example.Sensor", "in", "abc".getBytes(StandardCharsets.UTF_8));
        await(() -> cloud.published.containsKey("edgetwin/thing-1/out"), "the result on IoT Core");
        assertEquals("ABC", new String(cloud.published.get("edgetwin/thing-1/out"), StandardCharsets.UTF_8));
    }

    @Test
    void aStoppedFunctionLeavesNoSubscriptionBehind() {
        launcher.start("com.example.Fn", "1.0.0", parameters(ScriptedHandler.class.getName(),
                List.of(new EventSource("a/b", EventSource.Type.PUB_SUB), new EventSource("c/d", EventSource.Type.IOT_CORE))), null, () -> { });
        assertEquals(1, bus.size());
        assertEquals(1, cloud.subscriptions.size());
        launcher.stop("com.example.Fn");
        assertEquals(0, bus.size());
        assertEquals(0, cloud.subscriptions.size());
        assertTrue(launcher.counters().isEmpty());
    }

    @Test
    void aHandlerClassThatIsNotOnTheClasspathIsRefusedNamingTheComponent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> launcher.check("com.example.Fn", parameters("com.example.Missing::handleRequest", List.of())));
        assertTrue(e.getMessage().startsWith("Lambda component 'com.example.Fn': handler class 'com.example.Missing' is not on"),
                e.getMessage());
    }

    @Test
    void aClassThatImplementsNeitherHandlerInterfaceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> launcher.check("com.example.Fn", parameters(NotAHandler.class.getName(), List.of())));
        assertTrue(e.getMessage().contains("implements neither com.amazonaws.services.lambda.runtime.RequestHandler"),
                e.getMessage());
    }

    @Test
    void bothHandlerInterfacesPassTheCheck() {
        launcher.check("a", parameters(ScriptedHandler.class.getName(), List.of()));
        launcher.check("b", parameters(UpperCaseStreamHandler.class.getName() + "::handleRequest", List.of()));
    }

    private LambdaCounters counters() {
        return launcher.counters().get("com.example.Fn");
    }

    private static LambdaParameters parameters(String handler, List<EventSource> sources) {
        return new LambdaParameters(handler, "java17", Optional.empty(), ContainerMode.NO_CONTAINER, 128 * 1024, true, 1,
                Duration.ofSeconds(60), Duration.ofSeconds(10), 10, Duration.ofSeconds(30), Encoding.JSON, Map.of(), sources, Optional.empty());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** IoT Core as the launcher sees it: subscriptions it can be handed messages through. */
    private static final class FakeCloud implements CloudPort {
        final Map<String, Subscriber> subscriptions = new ConcurrentHashMap<>();
        final Map<String, byte[]> published = new ConcurrentHashMap<>();

        @Override
        public void publish(String topic, byte[] payload, int qos) {
            published.put(topic, payload);
        }

        @Override
        public AutoCloseable subscribe(String filter, Subscriber subscriber) {
            subscriptions.put(filter, subscriber);
            return () -> subscriptions.remove(filter);
        }

        void deliver(String topic, byte[] payload) {
            subscriptions.get(topic).deliver(topic, payload);
        }
    }
}
