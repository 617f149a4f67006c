package io.edgetwin.core.deployment;

import io.edgetwin.core.component.Component;
import io.edgetwin.core.component.ComponentFactory;
import io.edgetwin.core.component.ComponentSpec;
import io.edgetwin.core.component.ComponentState;
import io.edgetwin.core.component.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies deployments one at a time, as the nucleus does: components that left the document are
 * stopped, new ones started, changed ones (version or configuration) restarted, and components whose
 * only change is {@code systemResourceLimits} get the new limits live, without a restart.
 * <p>The outcome waits for the components it touched: SUCCESSFUL once each has stayed RUNNING (or
 * FINISHED) for {@code stableFor}; when one becomes BROKEN the failure handling policy decides —
 * ROLLBACK re-applies the previous deployment ({@code FAILED_ROLLBACK_COMPLETE}), DO_NOTHING keeps
 * the new one ({@code FAILED_ROLLBACK_NOT_REQUESTED}). A document that cannot be run at all (unknown
 * recipe, limits that cannot be enforced) is REJECTED and nothing changes. Before any of that, the
 * {@link Preparation} fetches what the components need (recipes, artifacts); when it fails the
 * outcome is {@code FAILED_NO_STATE_CHANGE} and nothing changes either.
 */
public final class Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

    private final ComponentFactory factory;
    private final Preparation preparation;
    private final Duration stableFor;
    private final Duration timeout;
    private final UpdateNotice notice;
    private final Map<String, Component> running = new LinkedHashMap<>();
    /** What runs now, for status readers: they must never wait for a deployment in progress. */
    private volatile Map<String, Component> snapshot = Map.of();
    private Deployment current;

    public Deployer(ComponentFactory factory, Duration stableFor, Duration timeout) {
        this(factory, stableFor, timeout, Preparation.NONE);
    }

    public Deployer(ComponentFactory factory, Duration stableFor, Duration timeout, Preparation preparation) {
        this(factory, stableFor, timeout, preparation, UpdateNotice.NONE);
    }

    private Deployer(ComponentFactory factory, Duration stableFor, Duration timeout, Preparation preparation,
                     UpdateNotice notice) {
        this.factory = factory;
        this.preparation = preparation;
        this.stableFor = stableFor;
        this.timeout = timeout;
        this.notice = notice;
    }

    /**
     * A deployer (with nothing deployed yet) that tells components of every applicable deployment before
     * and after it changes them, and waits while they defer it ({@link UpdateNotice}).
     */
    public Deployer withUpdateNotice(UpdateNotice updateNotice) {
        return new Deployer(factory, stableFor, timeout, preparation, updateNotice);
    }

    public List<Component> components() {
        return List.copyOf(snapshot.values());
    }

    public Component component(String name) {
        return snapshot.get(name);
    }

    private void published() {
        snapshot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(running));
    }

    public synchronized DeploymentOutcome apply(Deployment next) {
        try {
            preparation.prepare(next);
        } catch (PreparationException e) {
            LOG.error("deployment-not-prepared deployment={} code={} reason={}", next.deploymentId(), e.code(), e.getMessage());
            return DeploymentOutcome.noStateChange(next.deploymentId(), e.getMessage());
        }
        List<ComponentSpec> specs;
        try {
            specs = resolve(next);
        } catch (RuntimeException e) {
            LOG.error("deployment-rejected deployment={} reason={}", next.deploymentId(), e.getMessage());
            return DeploymentOutcome.rejected(next.deploymentId(), e.getMessage());
        }
        try {
            notice.before(next.deploymentId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeploymentOutcome.noStateChange(next.deploymentId(), "interrupted while components were told of it");
        }
        try {
            return change(next, specs);
        } finally {
            notice.after(next.deploymentId());
        }
    }

    private DeploymentOutcome change(Deployment next, List<ComponentSpec> specs) {
        List<Component> touched;
        try {
            touched = change(specs);
        } catch (RuntimeException e) {
            LOG.error("deployment-failed deployment={} reason={}", next.deploymentId(), e.getMessage());
            return rollBackOrKeep(next, "cannot apply: " + e.getMessage());
        }
        String broken = awaitStable(touched);
        if (broken != null) {
            return rollBackOrKeep(next, "component " + broken);
        }
        current = next;
        LOG.info("deployment-succeeded deployment={}", next.deploymentId());
        return DeploymentOutcome.successful(next.deploymentId());
    }

    /** Stops every component; the core is going down. */
    public synchronized void stopAll() {
        List<Component> all = new ArrayList<>(running.values());
        java.util.Collections.reverse(all);
        all.forEach(c -> {
            c.stop();
            c.release();
        });
        running.clear();
        published();
    }

    /**
     * Called on every component state change: a component that became BROKEN stops the components
     * with a HARD dependency on it (on their own thread: stopping can take the shutdown timeout).
     */
    public void componentChanged(Component changed) {
        if (changed.state() != ComponentState.BROKEN) {
            return;
        }
        for (Component other : snapshot.values()) {
            if (other.spec().needs(changed.name()) && other.state() != ComponentState.FINISHED) {
                LOG.warn("component-stopped-by-dependency component={} dependency={}", other.name(), changed.name());
                Thread stopper = new Thread(() -> other.stop(StatusCode.DEPENDENCY_BROKEN,
                        "STOPPED: HARD dependency '" + changed.name() + "' is BROKEN"),
                        "stop-" + other.name());
                stopper.setDaemon(true);
                stopper.start();
            }
        }
    }

    private List<ComponentSpec> resolve(Deployment next) {
        List<ComponentSpec> specs = new ArrayList<>();
        for (DeploymentComponent c : next.components()) {
            factory.requireEnforceable(c.name(), c.limits());
            Component previous = running.get(c.name());
            Map<String, Object> configuration = ConfigurationUpdate.effective(factory.defaults(c.name(), c.version()),
                    previous == null ? Map.of() : previous.spec().configuration(), c.configurationReset(),
                    c.configurationMerge());
            specs.add(factory.resolve(c.name(), c.version(), configuration, c.limits()));
        }
        return DependencyOrder.sort(specs);
    }

    private List<Component> change(List<ComponentSpec> specs) {
        Map<String, ComponentSpec> wanted = new LinkedHashMap<>();
        specs.forEach(s -> wanted.put(s.name(), s));
        for (String name : new ArrayList<>(running.keySet())) {
            if (!wanted.containsKey(name)) {
                remove(name);
            }
        }
        List<Component> touched = new ArrayList<>();
        List<ComponentSpec> toStart = new ArrayList<>();
        for (ComponentSpec spec : wanted.values()) {
            Component existing = running.get(spec.name());
            if (existing != null && sameButLimits(existing.spec(), spec)) {
                if (!existing.spec().limits().equals(spec.limits())) {
                    existing.applyLimits(spec.limits());
                    LOG.info("component-limits-changed component={} limits={}", spec.name(), spec.limits());
                }
                // A configuration change the scripts do not see (accessControl, say) needs no restart.
                existing.reconfigure(spec.configuration());
                factory.updateAccess(spec);
                continue;
            }
            if (existing != null) {
                remove(spec.name());
            }
            toStart.add(spec);
        }
        startInWaves(toStart, touched);
        return touched;
    }

    /**
     * Starts every component whose HARD dependencies run (or finished) at once, then the ones that
     * waited, as soon as theirs are up ({@link StartWaves}); one whose dependency broke or did not come
     * up within the timeout is not started at all, and the deployment fails.
     */
    private void startInWaves(List<ComponentSpec> toStart, List<Component> touched) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ComponentSpec> pending = new ArrayList<>(toStart);
        while (!pending.isEmpty()) {
            List<ComponentSpec> now = StartWaves.startable(pending, this::stateOf);
            for (ComponentSpec spec : now) {
                Component component = factory.create(spec);
                running.put(spec.name(), component);
                published();
                component.start();
                touched.add(component);
            }
            pending.removeAll(now);
            if (now.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw StartWaves.notStarted(StartWaves.blocker(pending, this::stateOf));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private ComponentState stateOf(String name) {
        Component component = running.get(name);
        return component == null ? null : component.state();
    }

    private static boolean sameButLimits(ComponentSpec a, ComponentSpec b) {
        return a.version().equals(b.version()) && a.lifecycle().equals(b.lifecycle());
    }

    private void remove(String name) {
        Component component = running.remove(name);
        published();
        component.stop();
        component.release();
    }

    /** Null when every touched component is stable; else the name and state of the first that broke. */
    private String awaitStable(List<Component> touched) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Component, Long> stableSince = new LinkedHashMap<>();
        while (true) {
            long now = System.nanoTime();
            boolean allStable = true;
            for (Component c : touched) {
                ComponentState state = c.state();
                if (state == ComponentState.BROKEN) {
                    return "'" + c.name() + "' is BROKEN: " + c.status().lastExit();
                }
                boolean settled = state == ComponentState.RUNNING || state == ComponentState.FINISHED;
                if (!settled) {
                    stableSince.remove(c);
                }
                long since = settled ? stableSince.computeIfAbsent(c, k -> now) : now;
                allStable &= settled && now - since >= stableFor.toNanos();
            }
            if (allStable) {
                return null;
            }
            if (now > deadline) {
                return "did not settle within " + timeout.toSeconds() + " s";
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private DeploymentOutcome rollBackOrKeep(Deployment failed, String reason) {
        if (failed.failureHandlingPolicy() != FailurePolicy.ROLLBACK) {
            current = failed;
            return new DeploymentOutcome(failed.deploymentId(), "FAILED_ROLLBACK_NOT_REQUESTED", reason);
        }
        if (current == null) {
            running.keySet().stream().toList().forEach(this::remove);
            return new DeploymentOutcome(failed.deploymentId(), "FAILED_ROLLBACK_COMPLETE", reason + "; nothing ran before");
        }
        try {
            change(resolve(current));
            LOG.warn("deployment-rolled-back deployment={} to={} reason={}", failed.deploymentId(), current.deploymentId(), reason);
            return new DeploymentOutcome(failed.deploymentId(), "FAILED_ROLLBACK_COMPLETE", reason);
        } catch (RuntimeException e) {
            return new DeploymentOutcome(failed.deploymentId(), "FAILED_UNABLE_TO_ROLLBACK", reason + "; rollback: " + e.getMessage());
        }
    }
}
