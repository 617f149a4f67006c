package io.edgetwin.core.component;

import static io.edgetwin.core.recipe.Step.INSTALL;
import static io.edgetwin.core.recipe.Step.RECOVER;
import static io.edgetwin.core.recipe.Step.RUN;
import static io.edgetwin.core.recipe.Step.SHUTDOWN;
import static io.edgetwin.core.recipe.Step.STARTUP;

import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ComponentCgroup;
import io.edgetwin.core.resources.ResourceLimits;
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
 * One component, driven through the Greengrass lifecycle of its recipe (docs/edge-core.md, "Lifecycle");
 * each step is its own OS process in the component's cgroup ({@link ComponentProcesses}).
 * {@code install} runs while NEW; a {@code startup} that exits 0, or else a started {@code run}, makes
 * it RUNNING ({@code run} ending with 0: FINISHED). A step that fails or outlives its timeout makes it
 * ERRORED with a {@link StatusCode} ({@code OOM_KILLED} when the cgroup's OOM kill counter rose, never
 * guessed from exit 137); what is left in the cgroup is killed, {@code recover} runs, and a second later
 * it is retried, from install when install failed. {@code maxErrors} errors within {@code errorWindow}
 * make it BROKEN. {@link #stop()} runs {@code shutdown} while it is up, then ends the rest.
 * <p>A component that talks to the core over IPC reports itself ready ({@link #markReady()}); until then
 * it is RUNNING but not ready, which is what the harness waits for before sending load.
 */
public final class Component {

    private static final Logger LOG = LoggerFactory.getLogger(Component.class);
    /** How long the run process gets between SIGTERM and SIGKILL when the component stops. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final long RETRY_DELAY_SECONDS = 1;

    private ComponentSpec spec;
    private final ComponentProcesses processes;
    private final ScheduledExecutorService scheduler;
    private final ErrorWindow errors;
    private final Consumer<Component> onChange;

    private ComponentState state = ComponentState.NEW;
    private StatusCode statusCode = StatusCode.NONE;
    /** The step whose end moves the lifecycle on (install, startup, run or recover); null between steps. */
    private StepProcess current;
    private ScheduledFuture<?> retry;
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
        this.spec = spec;
        this.processes = new ComponentProcesses(spec.name(), environment, cgroup);
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
        processes.release();
    }

    public synchronized void markReady() {
        if (state == ComponentState.RUNNING && !ready) {
            ready = true;
            LOG.info("component-ready component={}", spec.name());
            onChange.accept(this);
        }
    }

    public synchronized ComponentStatus status() {
        return new ComponentStatus(spec.name(), spec.version(), state, statusCode, ready, restarts, spec.limits(),
                processes.enforces(spec.limits()), lastExit, processes.sample());
    }

    /**
     * Changes the limits in place; the processes keep running. Without a cgroup only limits that are
     * empty can be applied (anything else would silently run unlimited).
     */
    public synchronized void applyLimits(ResourceLimits limits) {
        processes.apply(limits);
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
        ready = false;
        return processes.launch(spec.lifecycle(), step);
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
        statusCode = processes.oomKilledSinceLaunch() ? StatusCode.OOM_KILLED
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
        StepOutcome outcome = processes.runToEnd(spec.lifecycle(), SHUTDOWN);
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

    private void killCgroup() {
        processes.killAll();
    }

    private void move(ComponentState target) {
        ComponentState from = state;
        state = state.moveTo(target, spec.name());
        LOG.info("component-state-changed component={} from={} to={} code={}", spec.name(), from, target, statusCode);
        onChange.accept(this);
    }
}
