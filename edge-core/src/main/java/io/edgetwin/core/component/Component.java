package io.edgetwin.core.component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running component: its {@code run} script as a separate OS process ({@code /bin/sh -c}), so that
 * per-component cgroups can hold it and every process it forks. A non-zero exit moves it to ERRORED and
 * it is started again; {@code maxErrors} errors within {@code errorWindow} make it BROKEN, as in Greengrass.
 * <p>A component that talks to the core over IPC reports itself ready ({@link #markReady()}); until
 * then it is RUNNING but not ready, which is what the harness waits for before sending load.
 */
public final class Component {

    private static final Logger LOG = LoggerFactory.getLogger(Component.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);

    private final ComponentSpec spec;
    private final Map<String, String> environment;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxErrors;
    private final Duration errorWindow;
    private final Consumer<Component> onChange;
    private final Deque<Instant> errors = new ArrayDeque<>();

    private ComponentState state = ComponentState.NEW;
    private Process process;
    private boolean ready;
    private boolean stopping;
    private int restarts;
    private String lastExit = "";

    public Component(ComponentSpec spec, Map<String, String> environment, ScheduledExecutorService scheduler,
                     Clock clock, int maxErrors, Duration errorWindow, Consumer<Component> onChange) {
        this.spec = spec;
        this.environment = Map.copyOf(environment);
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxErrors = maxErrors;
        this.errorWindow = errorWindow;
        this.onChange = onChange;
    }

    public String name() {
        return spec.name();
    }

    public synchronized void start() {
        if (state == ComponentState.NEW) {
            move(ComponentState.INSTALLED);
        }
        move(ComponentState.STARTING);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", spec.runScript()).inheritIO();
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            failed("cannot start: " + e.getMessage());
            return;
        }
        ready = false;
        move(ComponentState.RUNNING);
        Process started = process;
        started.onExit().thenAccept(this::exited);
    }

    public synchronized void markReady() {
        if (state == ComponentState.RUNNING && !ready) {
            ready = true;
            LOG.info("component-ready component={}", spec.name());
            onChange.accept(this);
        }
    }

    public synchronized ComponentStatus status() {
        return new ComponentStatus(spec.name(), spec.version(), state, ready, restarts, spec.limits(), false, lastExit);
    }

    /** Stops the process and everything it forked: SIGTERM, then SIGKILL after the shutdown timeout. */
    public void stop() {
        Process running;
        synchronized (this) {
            stopping = true;
            running = process;
            if (running == null || !running.isAlive()) {
                return;
            }
            move(ComponentState.STOPPING);
        }
        running.descendants().forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void exited(Process exitedProcess) {
        if (exitedProcess != process) {
            return;
        }
        exitedProcess.descendants().forEach(ProcessHandle::destroyForcibly);
        int code = exitedProcess.exitValue();
        lastExit = "exit " + code;
        ready = false;
        if (stopping) {
            move(ComponentState.FINISHED);
        } else if (code == 0) {
            move(ComponentState.FINISHED);
        } else {
            failed("RUN_ERROR exit " + code);
        }
    }

    private void failed(String reason) {
        lastExit = reason;
        move(ComponentState.ERRORED);
        Instant now = clock.instant();
        errors.addLast(now);
        while (!errors.isEmpty() && errors.peekFirst().isBefore(now.minus(errorWindow))) {
            errors.removeFirst();
        }
        if (errors.size() >= maxErrors) {
            move(ComponentState.BROKEN);
            return;
        }
        restarts++;
        scheduler.schedule(this::restart, 1, TimeUnit.SECONDS);
    }

    private synchronized void restart() {
        if (!stopping && state == ComponentState.ERRORED) {
            start();
        }
    }

    private void move(ComponentState target) {
        ComponentState from = state;
        state = state.moveTo(target, spec.name());
        LOG.info("component-state-changed component={} from={} to={}", spec.name(), from, target);
        onChange.accept(this);
    }
}
