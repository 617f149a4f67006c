package io.edgetwin.core.component;

import io.edgetwin.core.resources.ComponentCgroup;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * <p>With a {@link ComponentCgroup}, the process joins the component's cgroup before it runs the
 * script: a small shell writes its own pid into every {@code cgroup.procs} and then {@code exec}s the
 * script, so the script and every child it ever forks are inside, with no window in which a fork
 * escapes. An exit after the cgroup's OOM kill counter rose is reported as {@code OOM_KILLED}, never
 * guessed from exit code 137.
 * <p>A component that talks to the core over IPC reports itself ready ({@link #markReady()}); until
 * then it is RUNNING but not ready, which is what the harness waits for before sending load.
 */
public final class Component {

    private static final Logger LOG = LoggerFactory.getLogger(Component.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);
    /** Joins the cgroups given as arguments, then becomes the component's script. */
    private static final String JOIN_THEN_RUN =
            "for f in \"$@\"; do echo $$ > \"$f\" || exit 97; done; exec /bin/sh -c \"$EDGETWIN_RUN_SCRIPT\"";

    private ComponentSpec spec;
    private final Map<String, String> environment;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxErrors;
    private final Duration errorWindow;
    private final Consumer<Component> onChange;
    private final ComponentCgroup cgroup;
    private final Deque<Instant> errors = new ArrayDeque<>();
    private long oomKillsAtStart;

    private ComponentState state = ComponentState.NEW;
    private Process process;
    private boolean ready;
    private boolean stopping;
    private int restarts;
    private String lastExit = "";

    public Component(ComponentSpec spec, Map<String, String> environment, ScheduledExecutorService scheduler,
                     Clock clock, int maxErrors, Duration errorWindow, Consumer<Component> onChange) {
        this(spec, environment, scheduler, clock, maxErrors, errorWindow, onChange, null);
    }

    /** A component whose processes run inside {@code cgroup} (null: no cgroup, limits recorded only). */
    public Component(ComponentSpec spec, Map<String, String> environment, ScheduledExecutorService scheduler,
                     Clock clock, int maxErrors, Duration errorWindow, Consumer<Component> onChange,
                     ComponentCgroup cgroup) {
        this.cgroup = cgroup;
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
        ProcessBuilder builder = processBuilder().inheritIO();
        builder.environment().putAll(environment);
        oomKillsAtStart = cgroup == null ? 0 : cgroup.sample().oomKills();
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

    public synchronized ComponentState state() {
        return state;
    }

    public synchronized ComponentSpec spec() {
        return spec;
    }

    /** Removes the component's cgroup once its processes are gone. */
    public void release() {
        if (cgroup != null) {
            cgroup.remove();
        }
    }

    public synchronized void markReady() {
        if (state == ComponentState.RUNNING && !ready) {
            ready = true;
            LOG.info("component-ready component={}", spec.name());
            onChange.accept(this);
        }
    }

    private ProcessBuilder processBuilder() {
        if (cgroup == null) {
            return new ProcessBuilder("/bin/sh", "-c", spec.runScript());
        }
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", JOIN_THEN_RUN, "edgetwin-join"));
        cgroup.procsFiles().forEach(f -> command.add(f.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("EDGETWIN_RUN_SCRIPT", spec.runScript());
        return builder;
    }

    public synchronized ComponentStatus status() {
        ResourceSample resources = cgroup == null ? null : cgroup.sample();
        return new ComponentStatus(spec.name(), spec.version(), state, ready, restarts, spec.limits(),
                cgroup != null && !spec.limits().isEmpty(), lastExit, resources);
    }

    /**
     * Changes the limits in place; the processes keep running. Without a cgroup only limits that are
     * empty can be applied (anything else would silently run unlimited).
     */
    public synchronized void applyLimits(ResourceLimits limits) {
        if (cgroup == null) {
            if (!limits.isEmpty()) {
                throw new io.edgetwin.core.resources.EnforcementException("component '" + spec.name()
                        + "' has no cgroup; cannot enforce " + limits);
            }
        } else {
            cgroup.apply(limits);
        }
        spec = spec.withLimits(limits);
        onChange.accept(this);
    }

    /** Stops the component because {@code reason}; the reason becomes its last exit in the status. */
    public void stop(String reason) {
        stop();
        synchronized (this) {
            lastExit = reason;
        }
        onChange.accept(this);
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
                killCgroup();
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
        // Children of an exited script have been handed to init; the cgroup still holds them.
        killCgroup();
        int code = exitedProcess.exitValue();
        lastExit = "exit " + code;
        ready = false;
        if (stopping) {
            move(ComponentState.FINISHED);
        } else if (code == 0) {
            move(ComponentState.FINISHED);
        } else if (cgroup != null && cgroup.sample().oomKills() > oomKillsAtStart) {
            failed("OOM_KILLED exit " + code);
        } else {
            failed("RUN_ERROR exit " + code);
        }
    }

    private void killCgroup() {
        if (cgroup != null) {
            cgroup.killAll();
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
