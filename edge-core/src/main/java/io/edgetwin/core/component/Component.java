package io.edgetwin.core.component;

import static io.edgetwin.core.recipe.Step.INSTALL;
import static io.edgetwin.core.recipe.Step.RECOVER;
import static io.edgetwin.core.recipe.Step.RUN;
import static io.edgetwin.core.recipe.Step.SHUTDOWN;
import static io.edgetwin.core.recipe.Step.STARTUP;

import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ComponentCgroup;
import io.edgetwin.core.resources.EnforcementException;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One component, driven through the Greengrass lifecycle of its recipe; each step is its own OS process
 * ({@link StepLauncher}), inside the component's cgroup when it has one.
 * <ul>
 * <li>{@code install} runs first (the component stays NEW meanwhile); exit 0 makes it INSTALLED.</li>
 * <li>Then STARTING: a {@code startup} step must exit 0 to reach RUNNING, and the component stays
 *     RUNNING with whatever it started in the background (a recipe's {@code run} is then not used, as
 *     in Greengrass). Without {@code startup}, the {@code run} process starts and the component is
 *     RUNNING while it runs; its exit 0 makes it FINISHED. With neither, it is FINISHED at once.</li>
 * <li>A step that exits non-zero, or is killed at its timeout, makes the component ERRORED with a
 *     {@link StatusCode} (for example {@code STARTUP_TIMEOUT}, or {@code OOM_KILLED} when the cgroup's
 *     OOM kill counter rose, never guessed from exit code 137); whatever is left in its cgroup is
 *     killed, {@code recover} runs, and a second later it is retried (install again when install
 *     failed, else from STARTING). {@code maxErrors} errors within {@code errorWindow} make it BROKEN.</li>
 * <li>On {@link #stop()}, {@code shutdown} runs while the component is still up, then the run
 *     process gets SIGTERM and, after a grace period, SIGKILL with everything left in its cgroup.</li>
 * </ul>
 * A component that talks to the core over IPC reports itself ready ({@link #markReady()}); until then
 * it is RUNNING but not ready, which is what the harness waits for before sending load.
 */
public final class Component {

    private static final Logger LOG = LoggerFactory.getLogger(Component.class);
    /** How long the run process gets between SIGTERM and SIGKILL when the component stops. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final long RETRY_DELAY_SECONDS = 1;

    private ComponentSpec spec;
    private final StepLauncher launcher;
    private final ScheduledExecutorService scheduler;
    private final ErrorWindow errors;
    private final Consumer<Component> onChange;
    private final ComponentCgroup cgroup;

    private ComponentState state = ComponentState.NEW;
    private StatusCode statusCode = StatusCode.NONE;
    /** The step whose end moves the lifecycle on (install, startup, run or recover); null between steps. */
    private StepProcess current;
    private ScheduledFuture<?> retry;
    private long oomKillsAtLaunch;
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
        this.launcher = new StepLauncher(spec.name(), environment, cgroup);
        this.scheduler = scheduler;
        this.errors = new ErrorWindow(clock, maxErrors, errorWindow);
        this.onChange = onChange;
    }

    public String name() {
        return spec.name();
    }

    /** Starts the lifecycle and returns; the steps run in their own processes. */
    public synchronized void start() {
        if (state == ComponentState.NEW) {
            install();
        } else {
            starting();
        }
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

    public synchronized ComponentStatus status() {
        ResourceSample resources = cgroup == null ? null : cgroup.sample();
        return new ComponentStatus(spec.name(), spec.version(), state, statusCode, ready, restarts, spec.limits(),
                cgroup != null && !spec.limits().isEmpty(), lastExit, resources);
    }

    /**
     * Changes the limits in place; the processes keep running. Without a cgroup only limits that are
     * empty can be applied (anything else would silently run unlimited).
     */
    public synchronized void applyLimits(ResourceLimits limits) {
        if (cgroup == null) {
            if (!limits.isEmpty()) {
                throw new EnforcementException("component '" + spec.name() + "' has no cgroup; cannot enforce " + limits);
            }
        } else {
            cgroup.apply(limits);
        }
        spec = spec.withLimits(limits);
        onChange.accept(this);
    }

    /** Takes a new configuration that leaves the lifecycle as it is: nothing restarts. */
    public synchronized void reconfigure(Map<String, Object> configuration) {
        spec = spec.withConfiguration(configuration);
    }

    /** Stops the component because of {@code code}; the reason becomes its last exit in the status. */
    public void stop(StatusCode code, String reason) {
        stop(new Stop(code, reason));
    }

    /**
     * Stops the component and every process it started; blocks until they are gone. A component that is
     * up runs its {@code shutdown} step first (within its timeout, {@code SHUTDOWN_TIMEOUT} otherwise);
     * a step in progress (install, startup, recover) is killed.
     */
    public void stop() {
        stop(null);
    }

    /** Why a component was stopped, for its status; null for an ordinary stop. */
    private record Stop(StatusCode code, String reason) {
    }

    private void stop(Stop why) {
        StepProcess step;
        boolean up;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            if (retry != null) {
                retry.cancel(false);
            }
            if (state == ComponentState.BROKEN || state == ComponentState.FINISHED) {
                return;
            }
            up = state == ComponentState.RUNNING;
            step = current;
            move(ComponentState.STOPPING);
        }
        if (up && has(SHUTDOWN)) {
            shutdown();
        }
        if (step != null) {
            step.terminate(up ? STOP_GRACE : Duration.ZERO);
        }
        killCgroup();
        synchronized (this) {
            ready = false;
            if (why != null) {
                statusCode = why.code();
                lastExit = why.reason();
            }
            move(ComponentState.FINISHED);
        }
    }

    private void install() {
        if (!has(INSTALL)) {
            installed();
            return;
        }
        await(launch(INSTALL), outcome -> {
            if (outcome.succeeded()) {
                installed();
            } else {
                failed(outcome);
            }
        });
    }

    private void installed() {
        move(ComponentState.INSTALLED);
        starting();
    }

    private void starting() {
        move(ComponentState.STARTING);
        if (has(STARTUP)) {
            await(launch(STARTUP), outcome -> {
                if (outcome.succeeded()) {
                    running();
                } else {
                    failed(outcome);
                }
            });
        } else if (has(RUN)) {
            StepProcess run = launch(RUN);
            if (run.hasProcess()) {
                running();
            }
            await(run, outcome -> {
                if (outcome.succeeded()) {
                    lastExit = outcome.detail();
                    ready = false;
                    killCgroup();
                    move(ComponentState.FINISHED);
                } else {
                    failed(outcome);
                }
            });
        } else {
            move(ComponentState.FINISHED);
        }
    }

    private void running() {
        statusCode = StatusCode.NONE;
        move(ComponentState.RUNNING);
    }

    private StepProcess launch(Step step) {
        oomKillsAtLaunch = oomKills();
        ready = false;
        return launcher.launch(spec.lifecycle(), step);
    }

    /** Makes {@code step} the current one; {@code then} runs when it ends, unless the component stopped meanwhile. */
    private void await(StepProcess step, Consumer<StepOutcome> then) {
        current = step;
        step.outcome().thenAccept(outcome -> ended(step, outcome, then));
    }

    private synchronized void ended(StepProcess step, StepOutcome outcome, Consumer<StepOutcome> then) {
        if (step == current && !stopping) {
            current = null;
            then.accept(outcome);
        }
    }

    private void failed(StepOutcome outcome) {
        boolean installing = state == ComponentState.NEW;
        killCgroup();
        statusCode = oomKills() > oomKillsAtLaunch ? StatusCode.OOM_KILLED
                : StatusCode.of(outcome.step(), outcome.timedOut());
        lastExit = statusCode + " " + outcome.detail();
        ready = false;
        move(ComponentState.ERRORED);
        if (errors.countAndCheckBroken()) {
            move(ComponentState.BROKEN);
            return;
        }
        restarts++;
        if (!has(RECOVER)) {
            scheduleRetry(installing);
            return;
        }
        await(launch(RECOVER), recovered -> {
            if (!recovered.succeeded()) {
                LOG.warn("component-recover-failed component={} outcome={}", spec.name(), recovered.detail());
            }
            killCgroup();
            scheduleRetry(installing);
        });
    }

    private void scheduleRetry(boolean installing) {
        retry = scheduler.schedule(() -> retry(installing), RETRY_DELAY_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized void retry(boolean installing) {
        if (stopping || state != ComponentState.ERRORED) {
            return;
        }
        if (installing) {
            move(ComponentState.NEW);
            install();
        } else {
            starting();
        }
    }

    /** Runs the shutdown step to its end or its timeout; a failure is recorded, the stop goes on. */
    private void shutdown() {
        StepOutcome outcome = launcher.launch(spec.lifecycle(), SHUTDOWN).awaitEnd();
        if (!outcome.succeeded()) {
            synchronized (this) {
                statusCode = StatusCode.of(SHUTDOWN, outcome.timedOut());
                lastExit = statusCode + " " + outcome.detail();
            }
        }
    }

    private boolean has(Step step) {
        return spec.lifecycle().step(step).isPresent();
    }

    private long oomKills() {
        return cgroup == null ? 0 : cgroup.sample().oomKills();
    }

    /** Children of an exited script were handed to init; only the cgroup still finds them. */
    private void killCgroup() {
        if (cgroup != null) {
            cgroup.killAll();
        }
    }

    private void move(ComponentState target) {
        ComponentState from = state;
        state = state.moveTo(target, spec.name());
        LOG.info("component-state-changed component={} from={} to={} code={}", spec.name(), from, target, statusCode);
        onChange.accept(this);
    }
}
