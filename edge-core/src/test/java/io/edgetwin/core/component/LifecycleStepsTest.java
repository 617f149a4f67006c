package io.edgetwin.core.component;

import static io.edgetwin.core.component.ComponentState.BROKEN;
import static io.edgetwin.core.component.ComponentState.FINISHED;
import static io.edgetwin.core.component.ComponentState.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.RecipeReader;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle steps of a recipe, each run as a real {@code /bin/sh} process; scripts leave their
 * traces in {@code $DIR/log}. Timeouts are the recipe's own one second, so nothing here waits for a
 * Greengrass default.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LifecycleStepsTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ImmediateScheduler scheduler = new ImmediateScheduler();
    private final StatusChanges changes = new StatusChanges();
    private final List<Component> created = new ArrayList<>();
    private final List<Path> pidFiles = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        created.forEach(Component::stop);
        for (Path pidFile : pidFiles) {
            if (Files.exists(pidFile)) {
                process(pidFile).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        scheduler.shutdownNow();
    }

    @Test
    void installRunsOnceBeforeRunAndNotAgainWhenRunFails() throws Exception {
        Component component = component(2, """
                install: echo install >> "$DIR/log"
                run: echo run >> "$DIR/log"; exit 1
                """);

        component.start();

        changes.until(BROKEN);
        assertEquals(List.of("install", "run", "run"), log());
    }

    @Test
    void aFailingInstallIsAnInstallErrorAndIsRetriedFromNew() throws Exception {
        Component component = component(2, """
                install: exit 4
                run: echo run >> "$DIR/log"
                """);

        component.start();

        assertEquals(List.of("ERRORED/INSTALL_ERROR", "NEW/INSTALL_ERROR", "ERRORED/INSTALL_ERROR", "BROKEN/INSTALL_ERROR"),
                changes.until(BROKEN));
        assertEquals("INSTALL_ERROR exit 4", component.status().lastExit());
        assertFalse(Files.exists(dir.resolve("log")), "run never ran");
    }

    @Test
    void anInstallOverItsTimeoutIsKilledAsAnInstallTimeout() throws Exception {
        Component component = component(1, """
                install: {Script: 'echo $$ > "$DIR/install.pid"; exec sleep 987', Timeout: 1}
                run: exit 0
                """);

        component.start();

        assertEquals(List.of("ERRORED/INSTALL_TIMEOUT", "BROKEN/INSTALL_TIMEOUT"), changes.until(BROKEN));
        assertEquals("INSTALL_TIMEOUT killed after the 1 s timeout", component.status().lastExit());
        assertDead("install.pid");
    }

    @Test
    void startupExitingZeroMakesItRunningWhileWhatItStartedRunsOn() throws Exception {
        Component component = component(1, """
                startup: sleep 987 > /dev/null 2>&1 & echo $! > "$DIR/background.pid"
                run: echo run >> "$DIR/log"
                """);

        component.start();

        assertEquals(List.of("INSTALLED/NONE", "STARTING/NONE", "RUNNING/NONE"), changes.until(RUNNING));
        assertTrue(process(watch("background.pid")).map(ProcessHandle::isAlive).orElse(false),
                "the background process outlives the startup step");
        assertEquals(RUNNING, component.state());
        assertFalse(Files.exists(dir.resolve("log")), "run is not used when there is a startup step");
    }

    @Test
    void startupExitingNonZeroIsAStartupError() throws Exception {
        Component component = component(1, "startup: exit 2\n");

        component.start();

        assertEquals(List.of("INSTALLED/NONE", "STARTING/NONE", "ERRORED/STARTUP_ERROR", "BROKEN/STARTUP_ERROR"),
                changes.until(BROKEN));
    }

    @Test
    void startupOverItsTimeoutIsKilledAsAStartupTimeout() throws Exception {
        Component component = component(1, """
                startup: {Script: 'echo $$ > "$DIR/startup.pid"; exec sleep 987', Timeout: 1}
                """);

        component.start();

        assertEquals(List.of("INSTALLED/NONE", "STARTING/NONE", "ERRORED/STARTUP_TIMEOUT", "BROKEN/STARTUP_TIMEOUT"),
                changes.until(BROKEN));
        assertDead("startup.pid");
    }

    @Test
    void runOverItsTimeoutIsKilledAsARunTimeout() throws Exception {
        Component component = component(1, """
                run: {Script: 'echo $$ > "$DIR/run.pid"; exec sleep 987', Timeout: 1}
                """);

        component.start();

        assertEquals(List.of("INSTALLED/NONE", "STARTING/NONE", "RUNNING/NONE", "ERRORED/RUN_TIMEOUT", "BROKEN/RUN_TIMEOUT"),
                changes.until(BROKEN));
        assertDead("run.pid");
    }

    @Test
    void recoverRunsAfterEachErrorAndTheRetryWaitsForIt() throws Exception {
        Component component = component(3, """
                run: echo run >> "$DIR/log"; exit 1
                recover: sleep 0.2; echo recover >> "$DIR/log"
                """);

        component.start();

        changes.until(BROKEN);
        assertEquals(List.of("run", "recover", "run", "recover", "run"), log(), "no recover once BROKEN");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), scheduler.requestedDelays);
    }

    @Test
    void shutdownRunsOnStopWhileTheRunProcessIsStillUp() throws Exception {
        Component component = component(1, """
                run: echo $$ > "$DIR/run.pid"; exec sleep 987
                shutdown: kill -0 "$(cat "$DIR/run.pid")" && echo shutdown-saw-run >> "$DIR/log"
                """);
        component.start();
        Path runPid = watch("run.pid");

        component.stop();

        assertEquals(List.of("shutdown-saw-run"), log());
        assertEquals(FINISHED, component.state());
        assertEquals(StatusCode.NONE, component.status().statusCode());
        assertDead(runPid);
    }

    @Test
    void shutdownOverItsTimeoutIsKilledAndRecordedAsAShutdownTimeout() throws Exception {
        Component component = component(1, """
                run: exec sleep 987
                shutdown: {Script: 'echo $$ > "$DIR/shutdown.pid"; exec sleep 987', Timeout: 1}
                """);
        component.start();
        changes.until(RUNNING);

        component.stop();

        assertEquals(FINISHED, component.state());
        assertEquals(StatusCode.SHUTDOWN_TIMEOUT, component.status().statusCode());
        assertEquals("SHUTDOWN_TIMEOUT killed after the 1 s timeout", component.status().lastExit());
        assertDead("shutdown.pid");
    }

    @Test
    void aStopDuringInstallKillsTheInstallAndNothingElseRuns() throws Exception {
        Component component = component(1, """
                install: echo $$ > "$DIR/install.pid"; exec sleep 987
                run: echo run >> "$DIR/log"
                """);
        component.start();
        Path installPid = watch("install.pid");

        component.stop();

        assertEquals(List.of("STOPPING/NONE", "FINISHED/NONE"), changes.until(FINISHED));
        assertDead(installPid);
        assertFalse(Files.exists(dir.resolve("log")));
    }

    @Test
    void aStopForAReasonAnnouncesFinishedWithThatCodeAndReason() throws Exception {
        Component component = component(1, "run: exec sleep 987\n");
        component.start();
        changes.until(RUNNING);

        component.stop(StatusCode.DEPENDENCY_BROKEN, "STOPPED: HARD dependency 'x' is BROKEN");

        assertEquals(List.of("STOPPING/NONE", "FINISHED/DEPENDENCY_BROKEN"), changes.until(FINISHED));
        assertEquals("STOPPED: HARD dependency 'x' is BROKEN", component.status().lastExit());
    }

    @Test
    void lifecycleSetenvReachesEveryStepAndAStepsOwnSetenvWins() throws Exception {
        Component component = component(1, """
                Setenv: {WHO: lifecycle, WHERE: device}
                install: echo "$WHO $WHERE" >> "$DIR/log"
                run: {Script: 'echo "$WHO $WHERE" >> "$DIR/log"', Setenv: {WHO: run}}
                """);

        component.start();

        changes.until(FINISHED);
        assertEquals(List.of("lifecycle device", "run device"), log());
    }

    @Test
    void skipifExistsSkipsAStepWhenTheFileIsThere() throws Exception {
        Files.writeString(dir.resolve("installed"), "");
        Component component = component(1, """
                install: {Script: exit 1, Skipif: exists %s}
                run: echo run >> "$DIR/log"
                """.formatted(dir.resolve("installed")));

        component.start();

        changes.until(FINISHED);
        assertEquals(List.of("run"), log());
    }

    @Test
    void skipifOnpathSkipsAStepWhenTheProgramIsOnThePath() throws Exception {
        Component component = component(1, """
                install: {Script: exit 1, Skipif: onpath sh}
                run: echo run >> "$DIR/log"
                """);

        component.start();

        changes.until(FINISHED);
        assertEquals(List.of("run"), log());
    }

    @Test
    void skipifOnpathRunsTheStepWhenTheProgramIsNowhere() throws Exception {
        Component component = component(1, """
                install: {Script: echo install >> "$DIR/log", Skipif: onpath no-such-program-on-any-path}
                """);

        component.start();

        assertEquals(List.of("INSTALLED/NONE", "STARTING/NONE", "FINISHED/NONE"), changes.until(FINISHED));
        assertEquals(List.of("install"), log(), "a component with neither startup nor run finishes once installed");
    }

    @Test
    void stepsWithoutTimeoutGetTheGreengrassDefaults() {
        Lifecycle lifecycle = lifecycle("""
                install: 'true'
                startup: 'true'
                run: 'true'
                shutdown: 'true'
                recover: 'true'
                """);

        assertEquals(Optional.of(Duration.ofSeconds(120)), lifecycle.step(Step.INSTALL).orElseThrow().timeout());
        assertEquals(Optional.of(Duration.ofSeconds(120)), lifecycle.step(Step.STARTUP).orElseThrow().timeout());
        assertEquals(Optional.empty(), lifecycle.step(Step.RUN).orElseThrow().timeout());
        assertEquals(Optional.of(Duration.ofSeconds(15)), lifecycle.step(Step.SHUTDOWN).orElseThrow().timeout());
        assertEquals(Optional.of(Duration.ofSeconds(60)), lifecycle.step(Step.RECOVER).orElseThrow().timeout());
    }

    private Component component(int maxErrors, String lifecycleYaml) {
        ComponentSpec spec = new ComponentSpec("camera", "1.0.0", Map.of(), lifecycle(lifecycleYaml), ResourceLimits.NONE,
                Map.of());
        Component component = new Component(spec, Map.of("DIR", dir.toString()), scheduler, FIXED, maxErrors,
                Duration.ofHours(1), changes);
        created.add(component);
        return component;
    }

    private static Lifecycle lifecycle(String yaml) {
        String indented = yaml.lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
        return new RecipeReader().parse("camera.yaml", """
                RecipeFormatVersion: '2020-01-25'
                ComponentName: camera
                ComponentVersion: '1.0.0'
                Manifests: [{}]
                Lifecycle:
                """ + indented).lifecycle();
    }

    private List<String> log() throws Exception {
        return Files.readAllLines(dir.resolve("log"));
    }

    /** Waits until a script has written its pid file (a condition with a timeout), and kills it after the test. */
    private Path watch(String name) {
        Path file = dir.resolve(name);
        pidFiles.add(file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!hasLine(file)) {
            assertTrue(System.nanoTime() < deadline, name + " was not written within 10 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return file;
    }

    private void assertDead(String pidFile) throws Exception {
        assertDead(watch(pidFile));
    }

    private static void assertDead(Path pidFile) throws Exception {
        Optional<ProcessHandle> process = process(pidFile);
        if (process.isPresent()) {
            process.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertFalse(process.map(ProcessHandle::isAlive).orElse(false), pidFile + " still runs");
    }

    private static boolean hasLine(Path file) {
        try {
            return Files.exists(file) && Files.readString(file).endsWith("\n");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Optional<ProcessHandle> process(Path pidFile) throws Exception {
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
    }
}
