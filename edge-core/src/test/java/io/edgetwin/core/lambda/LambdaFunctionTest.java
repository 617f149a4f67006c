package io.edgetwin.core.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.LambdaParameters.ContainerMode;
import io.edgetwin.core.recipe.LambdaParameters.Encoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Functions with real worker JVMs on this host (no cgroup): each instance is a process of its own. */
class LambdaFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<byte[]> results = new CopyOnWriteArrayList<>();
    private LambdaFunction function;
    private final java.util.concurrent.atomic.AtomicInteger ready = new java.util.concurrent.atomic.AtomicInteger();

    @AfterEach
    void stop() {
        if (function != null) {
            function.close();
        }
    }

    @Test
    void anEventReachesTheHandlerWithTheTimeLeftAndTheMemoryLimitInItsContext() throws Exception {
        function = start(parameters(ScriptedHandler.class, false, 2, 10, Duration.ofSeconds(5)));
        assertTrue(function.submit("sensors/a", "{\"echo\": \"hello\"}".getBytes(StandardCharsets.UTF_8)));
        await(() -> results.size() == 1, "the handler's result");
        Map<?, ?> answer = JSON.readValue(results.get(0), Map.class);
        assertEquals("hello", answer.get("echo"));
        assertEquals("com.example.Fn", answer.get("function"));
        assertEquals(256, answer.get("memoryMb"));
        int remaining = ((Number) answer.get("remainingMs")).intValue();
        assertTrue(remaining > 0 && remaining <= 5000, "remaining time " + remaining);
        assertEquals(1, function.counters().succeeded());
    }

    @Test
    void aStreamHandlerGetsTheEventsBytes() {
        function = start(parameters(UpperCaseStreamHandler.class, true, 1, 10, Duration.ofSeconds(5)));
        function.submit("t", "abc".getBytes(StandardCharsets.UTF_8));
        await(() -> results.size() == 1, "the stream handler's result");
        assertEquals("ABC", new String(results.get(0), StandardCharsets.UTF_8));
    }

    @Test
    void onDemandInstancesScaleUpToTheMaximumAndIdleOnesAreReaped() {
        function = start(parameters(ScriptedHandler.class, false, 3, 50, Duration.ofSeconds(20)));
        for (int i = 0; i < 6; i++) {
            function.submit("t", "{\"holdMs\": 1500}".getBytes(StandardCharsets.UTF_8));
        }
        await(() -> function.counters().succeeded() == 6, "six invocations");
        LambdaCounters c = function.counters();
        assertEquals(3, c.peakInstances(), "scaled to maxInstancesCount and no further");
        assertEquals(3, c.instancesStarted());
        await(() -> function.counters().instances() == 0, "idle instances reaped after maxIdleTimeInSeconds");
    }

    @Test
    void theCountersCarryTheModeTheMemorySizeAndHowLongInstancesTookToStart() {
        function = start(parameters(ScriptedHandler.class, true, 1, 10, Duration.ofSeconds(5)));
        await(() -> ready.get() == 1, "the pinned instance ready");
        LambdaCounters c = function.counters();
        assertEquals("NoContainer", c.containerMode());
        assertEquals(256 * 1024, c.memorySizeKb());
        assertTrue(c.lastStartMs() > 0 && c.slowestStartMs() >= c.lastStartMs(), c.toString());
    }

    @Test
    void aPinnedFunctionKeepsOneInstanceWhateverTheQueueHolds() {
        function = start(parameters(ScriptedHandler.class, true, 5, 50, Duration.ofSeconds(20)));
        await(() -> ready.get() == 1, "ready once the pinned instance loaded its handler");
        assertEquals(1, function.counters().instances());
        for (int i = 0; i < 3; i++) {
            function.submit("t", "{\"holdMs\": 300}".getBytes(StandardCharsets.UTF_8));
        }
        await(() -> function.counters().succeeded() == 3, "three invocations");
        assertEquals(1, function.counters().peakInstances());
        assertEquals(1, function.counters().instances());
    }

    @Test
    void eventsBeyondAFullQueueAreDroppedAndCounted() {
        function = start(parameters(ScriptedHandler.class, true, 1, 2, Duration.ofSeconds(20)));
        await(() -> function.counters().instances() == 1, "the pinned instance");
        function.submit("t", "{\"holdMs\": 3000}".getBytes(StandardCharsets.UTF_8));
        await(() -> function.counters().invocations() == 1, "the first event taken");
        boolean[] accepted = new boolean[4];
        for (int i = 0; i < 4; i++) {
            accepted[i] = function.submit("t", "{}".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(accepted[0] && accepted[1]);
        assertFalse(accepted[2] || accepted[3]);
        assertEquals(2, function.counters().dropped());
        await(() -> function.counters().succeeded() == 3, "the queued ones served");
    }

    @Test
    void anInvocationPastItsTimeoutIsStoppedAndCountedAndThePinnedInstanceComesBack() {
        function = start(parameters(ScriptedHandler.class, true, 1, 10, Duration.ofSeconds(1)));
        await(() -> function.counters().instances() == 1, "the pinned instance");
        function.submit("t", "{\"holdMs\": 60000}".getBytes(StandardCharsets.UTF_8));
        await(() -> function.counters().timeouts() == 1, "the timeout");
        function.submit("t", "{\"echo\": \"after\"}".getBytes(StandardCharsets.UTF_8));
        await(() -> function.counters().succeeded() == 1, "an invocation on the new instance");
        assertEquals(2, function.counters().instancesStarted());
    }

    @Test
    void aHandlerThatThrowsIsAnErrorAndItsInstanceServesTheNextEvent() {
        function = start(parameters(ScriptedHandler.class, true, 1, 10, Duration.ofSeconds(5)));
        function.submit("t", "{\"fail\": true}".getBytes(StandardCharsets.UTF_8));
        function.submit("t", "not json".getBytes(StandardCharsets.UTF_8));
        function.submit("t", "{}".getBytes(StandardCharsets.UTF_8));
        await(() -> function.counters().succeeded() == 1, "the good event");
        LambdaCounters c = function.counters();
        assertEquals(2, c.errors());
        assertEquals(1, c.instancesStarted());
        assertTrue(c.lastError().startsWith("handler error:"), c.lastError());
    }

    @Test
    void aClassThatIsNoHandlerFailsItsInstancesStartAndTheEventItWasStartedFor() {
        function = start(parameters(NotAHandler.class, false, 1, 10, Duration.ofSeconds(5)));
        function.submit("t", "{}".getBytes(StandardCharsets.UTF_8));
        await(() -> function.counters().errors() == 1 && function.counters().instances() == 0, "the failed start");
        LambdaCounters c = function.counters();
        assertEquals(1, c.initFailures(), "no new instance once nothing waits");
        assertEquals(0, c.queued());
        assertTrue(c.lastError().contains("implements neither"), c.lastError());
    }

    @Test
    void afterAnOomKillTheFunctionRunsNoMoreInstancesThanSurvivedIt() {
        AtomicLong oomKills = new AtomicLong();
        LambdaParameters parameters = new LambdaParameters(ScriptedHandler.class.getName(), "java17", Optional.empty(),
                ContainerMode.NO_CONTAINER, 256 * 1024, false, 3, Duration.ofSeconds(60), Duration.ofSeconds(20), 50,
                Duration.ofSeconds(30), Encoding.JSON, Map.of(), List.of(), Optional.empty());
        function = start(parameters, oomKills::get, Duration.ofMillis(200));
        for (int i = 0; i < 2; i++) {
            function.submit("t", "{\"holdMs\": 1500}".getBytes(StandardCharsets.UTF_8));
        }
        await(() -> function.counters().succeeded() == 2, "two invocations");
        assertEquals(2, function.counters().instances(), "two instances, idle");

        oomKills.incrementAndGet();
        function.submit("t", "{\"halt\": 137}".getBytes(StandardCharsets.UTF_8));
        await(() -> function.counters().crashes() == 1 && function.counters().instances() == 1, "one instance killed");
        for (int i = 0; i < 4; i++) {
            function.submit("t", "{\"holdMs\": 300}".getBytes(StandardCharsets.UTF_8));
        }
        await(() -> function.counters().succeeded() == 6, "the four events served");
        assertEquals(2, function.counters().instancesStarted(), "the survivor served them; none started into the full memory size");
        assertEquals(1, function.counters().oomKills());
    }

    private LambdaFunction start(LambdaParameters parameters) {
        return start(parameters, () -> 0, LambdaFunction.OOM_QUIET);
    }

    private LambdaFunction start(LambdaParameters parameters, LongSupplier oomKills, Duration oomQuiet) {
        WorkerCommand command = new WorkerCommand(WorkerCommand.java(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), System.getProperty("java.class.path"), 0),
                Map.of("AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER", parameters.handler(), "AWS_LAMBDA_FUNCTION_NAME",
                        "com.example.Fn", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256"), List.of());
        LambdaFunction f = new LambdaFunction("com.example.Fn", parameters, command, oomKills, (topic, r) -> results.add(r),
                () -> ready.incrementAndGet(), oomQuiet);
        f.start();
        return f;
    }

    static LambdaParameters parameters(Class<?> handler, boolean pinned, int maxInstances, int maxQueue, Duration timeout) {
        return new LambdaParameters(handler.getName(), "java17", Optional.empty(), ContainerMode.NO_CONTAINER, 256 * 1024,
                pinned, maxInstances, Duration.ofSeconds(1), timeout, maxQueue, Duration.ofSeconds(30), Encoding.JSON,
                Map.of(), List.of(), Optional.empty());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
