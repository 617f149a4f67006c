package io.edgetwin.core.component;

import static io.edgetwin.core.component.ComponentState.BROKEN;
import static io.edgetwin.core.component.ComponentState.ERRORED;
import static io.edgetwin.core.component.ComponentState.FINISHED;
import static io.edgetwin.core.component.ComponentState.INSTALLED;
import static io.edgetwin.core.component.ComponentState.RUNNING;
import static io.edgetwin.core.component.ComponentState.STARTING;
import static io.edgetwin.core.component.ComponentState.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.LifecycleStep;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ResourceLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A component as a real {@code /bin/sh} process; restarts run at once, the delay asked for is recorded. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ComponentTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final long WAIT_SECONDS = 10;
    /** {@code exec}: the script becomes the sleep, so a stop right after start has no half-done fork to miss. */
    private static final String IDLE = "exec sleep 987";

    @TempDir
    Path dir;

    private final ImmediateScheduler scheduler = new ImmediateScheduler();
    private final BlockingQueue<ComponentStatus> changes = new LinkedBlockingQueue<>();
    private final List<Component> started = new ArrayList<>();
    private final List<ProcessHandle> forked = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(Component::stop);
        forked.forEach(ProcessHandle::destroyForcibly);
        scheduler.shutdownNow();
    }

    @Test
    void scriptExitingZeroFinishes() throws Exception {
        Component component = component("exit 0", 3, FIXED, Map.of());

        component.start();

        assertEquals(List.of(INSTALLED, STARTING, RUNNING, FINISHED), statesUntil(FINISHED));
        ComponentStatus status = component.status();
        assertEquals(0, status.restarts());
        assertEquals("exit 0", status.lastExit());
    }

    @Test
    void scriptExitingNonZeroErrsAndIsRestartedOneSecondLater() throws Exception {
        Component component = component("exit 1", 3, FIXED, Map.of());

        component.start();

        List<String> seen = untilTwice(RUNNING);
        assertEquals(List.of("INSTALLED/0", "STARTING/0", "RUNNING/0", "ERRORED/0", "STARTING/1", "RUNNING/1"), seen);
        assertEquals(Duration.ofSeconds(1), scheduler.requestedDelays.get(0));
        component.stop();
    }

    @Test
    void maxErrorsWithinTheWindowMakeItBroken() throws Exception {
        Component component = component("exit 3", 2, FIXED, Map.of());

        component.start();

        List<String> seen = until(s -> s.state() == BROKEN);
        assertEquals(List.of("INSTALLED/0", "STARTING/0", "RUNNING/0", "ERRORED/0",
                "STARTING/1", "RUNNING/1", "ERRORED/1", "BROKEN/1"), seen);
        assertEquals("RUN_ERROR exit 3", component.status().lastExit());
        assertEquals(1, scheduler.requestedDelays.size(), "no restart is scheduled once BROKEN");
    }

    @Test
    void errorsFurtherApartThanTheWindowNeverAddUpToBroken() throws Exception {
        Clock twoHoursPerError = new SteppingClock(Duration.ofHours(2));
        Component component = component("exit 1", 2, twoHoursPerError, Map.of());

        component.start();

        List<String> seen = until(s -> s.restarts() == 3 || s.state() == BROKEN);
        component.stop();
        assertFalse(seen.stream().anyMatch(s -> s.startsWith("BROKEN")), seen.toString());
    }

    @Test
    void scriptRunsWithTheEnvironmentItWasGiven() throws Exception {
        Component component = component("[ \"$EDGETWIN_COMPONENT\" = camera ] && [ \"$SVCUID\" = t-1 ]", 1, FIXED,
                Map.of("EDGETWIN_COMPONENT", "camera", "SVCUID", "t-1"));

        component.start();

        assertEquals(FINISHED, statesUntil(FINISHED).get(3));
    }

    @Test
    void stopKillsTheScriptAndEveryProcessItForked() throws Exception {
        Path fifo = fifo("started");
        Component component = component("sleep 987 & sleep 987 & echo $$ > \"$STARTED\"; wait", 3, FIXED,
                Map.of("STARTED", fifo.toString()));
        component.start();
        ProcessHandle shell = ProcessHandle.of(Long.parseLong(readFifo(fifo))).orElseThrow();
        List<ProcessHandle> children = shell.children().toList();
        forked.addAll(children);
        assertEquals(2, children.size(), "two background sleeps");

        component.stop();

        for (ProcessHandle process : children) {
            process.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertFalse(process.isAlive(), "pid " + process.pid());
        }
        assertFalse(shell.isAlive());
        assertEquals(List.of(INSTALLED, STARTING, RUNNING, STOPPING, FINISHED), statesUntil(FINISHED));
    }

    @Test
    void stoppedComponentIsNotRestarted() throws Exception {
        Component component = component(IDLE, 3, FIXED, Map.of());
        component.start();

        component.stop();

        statesUntil(FINISHED);
        assertTrue(scheduler.requestedDelays.isEmpty(), "a stop is not an error to recover from");
        assertEquals(FINISHED, component.status().state());
    }

    @Test
    void markReadyBeforeStartIsIgnored() {
        Component component = component(IDLE, 3, FIXED, Map.of());

        component.markReady();

        assertFalse(component.status().ready());
        assertTrue(changes.isEmpty(), "nobody is told about a ready that did not happen");
    }

    @Test
    void markReadyWhileRunningMakesItReadyOnce() throws Exception {
        Component component = component(IDLE, 3, FIXED, Map.of());
        component.start();
        statesUntil(RUNNING);

        component.markReady();
        component.markReady();

        ComponentStatus announced = changes.poll();
        assertNotNull(announced, "the ready change is announced");
        assertTrue(announced.ready());
        assertEquals(RUNNING, announced.state());
        assertTrue(changes.isEmpty(), "the second markReady changes nothing: " + changes);
    }

    @Test
    void markReadyAfterFinishingIsIgnored() throws Exception {
        Component component = component("exit 0", 3, FIXED, Map.of());
        component.start();
        statesUntil(FINISHED);

        component.markReady();

        assertFalse(component.status().ready());
        assertTrue(changes.isEmpty());
    }

    @Test
    void readinessIsLostWhenTheScriptExits() throws Exception {
        Path fifo = fifo("go");
        Component component = component("read line < \"$GO\"; exit 0", 3, FIXED, Map.of("GO", fifo.toString()));
        component.start();
        statesUntil(RUNNING);
        component.markReady();
        assertTrue(component.status().ready());

        Files.writeString(fifo, "go\n");

        statesUntil(FINISHED);
        assertFalse(component.status().ready());
    }

    private Component component(String script, int maxErrors, Clock clock, Map<String, String> env) {
        ComponentSpec spec = new ComponentSpec("camera", "1.0.0", Map.of(),
                new Lifecycle(Map.of(Step.RUN, LifecycleStep.script(Step.RUN, script)), Map.of()), ResourceLimits.NONE, Map.of());
        Component component = new Component(spec, env, scheduler, clock, maxErrors, WINDOW,
                changed -> changes.add(changed.status()));
        started.add(component);
        return component;
    }

    /** The states announced up to and including {@code last}. */
    private List<ComponentState> statesUntil(ComponentState last) throws InterruptedException {
        return until(s -> s.state() == last).stream()
                .map(s -> ComponentState.valueOf(s.substring(0, s.indexOf('/'))))
                .toList();
    }

    /** "STATE/restarts" for each announced change up to the second time {@code state} is reached. */
    private List<String> untilTwice(ComponentState state) throws InterruptedException {
        int[] seen = {0};
        return until(s -> s.state() == state && ++seen[0] == 2);
    }

    private List<String> until(Predicate<ComponentStatus> done) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            ComponentStatus status = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(status, "not there within " + WAIT_SECONDS + " s; seen " + seen);
            seen.add(status.state() + "/" + status.restarts());
            if (done.test(status)) {
                return seen;
            }
        }
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo " + fifo);
        return fifo;
    }

    /** Waits for the script to write to the fifo: a condition with a timeout, not a guess at how long it takes. */
    private static String readFifo(Path fifo) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A clock that moves forward by a fixed step each time it is read. */
    private static final class SteppingClock extends Clock {
        private final Duration step;
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }
    }
}
