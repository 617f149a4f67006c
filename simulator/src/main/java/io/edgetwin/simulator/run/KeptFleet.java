package io.edgetwin.simulator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.ComponentLimits;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The broker, the harness's connection and the twins of one scenario run, kept up for the scenario runs that
 * follow it one after another ({@link ScenarioRun#withKeptFleet}), e.g. a sizing's trials. The first run
 * starts everything as usual; each later run redeploys instead of starting twins: a deployment without the
 * {@code restarted} component (the core stops it and releases its cgroup), then the run's own deployment (the
 * core starts it afresh in a new cgroup with the run's {@code systemResourceLimits}, so its start-up is
 * measured again); the scenario's other components stay deployed. A twin that stopped (a device OOM kill, a
 * crash) or that does not take a deployment is closed and the next run starts a new fleet. Only for runs with
 * neither faults nor a cloud side ({@link #keeps}). {@link #close()} stops everything kept.
 */
public final class KeptFleet implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final BiConsumer<String, byte[]> NOBODY = (topic, payload) -> { };

    private final String restarted;
    private final Teardown session = new Teardown();
    private final AtomicReference<BiConsumer<String, byte[]>> listener = new AtomicReference<>(NOBODY);
    private volatile BiConsumer<String, byte[]> next = NOBODY;
    private VariantRun.RunContext context;
    private volatile List<Twin> twins;
    private int fleetsStarted;
    private int redeployments;

    /** @param restarted the component started afresh for every run (the one a sizing sizes) */
    public KeptFleet(String restarted) {
        this.restarted = restarted;
    }

    /** Whether runs of {@code scenario} can share a fleet: no faults (they change twins) and no cloud side. */
    public static boolean keeps(Scenario scenario) {
        return scenario.faults().isEmpty() && !scenario.artifacts().enabled();
    }

    /** How many fleets were started so far: 1 unless a twin stopped and was replaced. */
    public int fleetsStarted() {
        return fleetsStarted;
    }

    /** How many runs redeployed to a kept fleet instead of starting one. */
    public int redeployments() {
        return redeployments;
    }

    /** The kept fleet's first twin; empty before one started and after it stopped. */
    public Optional<Twin> firstTwin() {
        List<Twin> kept = twins;
        return kept == null || kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(0));
    }

    Teardown teardown() {
        return session;
    }

    /** The first run's context for a later run of {@code scenario}; null before the first run opened one. */
    VariantRun.RunContext context(Scenario scenario, StopCondition stop, Consumer<String> progress) {
        VariantRun.RunContext c = context;
        return c == null ? null : new VariantRun.RunContext(scenario, c.runId(), c.imageRef(), c.broker(), c.client(),
                c.tracker(), c.samples(), progress, c.clock(), c.cloud(), c.host(), c.connections(), stop, c.runtime(),
                c.security(), this);
    }

    void opened(VariantRun.RunContext opened) {
        this.context = opened;
    }

    /** Every status message, handed to the listener of the run being measured (once its component restarted). */
    void heard(String topic, byte[] payload) {
        listener.get().accept(topic, payload);
    }

    /** {@code statusListener} hears the status messages from when this run's component has been restarted. */
    void listenAfterRestart(BiConsumer<String, byte[]> statusListener) {
        next = statusListener;
        listener.set(NOBODY);
    }

    /**
     * The kept fleet with {@code variant} deployed and every workload's target ready again; null when there is
     * none to reuse (the first run, or its twin stopped): the caller then provisions one and {@link #keep}s it.
     */
    RunningFleet redeploy(VariantRun.RunContext run, Variant variant, Consumer<String> progress) throws Exception {
        List<Twin> twins = redeploy(Channel.of(run.client(), run.tracker()), run.scenario(), variant, run.runId(), progress);
        // No link proxies handed on: a kept run has no faults, so nothing acts on a link (a swarm's proxies stay
        // open in the session's teardown).
        return twins == null ? null : new RunningFleet(run.scenario(), variant, twins, List.of(), run.broker(), run.client(),
                run.tracker(), run.connections(), twin -> null);
    }

    /** {@link #redeploy(VariantRun.RunContext, Variant, Consumer)} through {@code channel}: the kept twins, or null. */
    List<Twin> redeploy(Channel channel, Scenario scenario, Variant variant, String runId, Consumer<String> progress)
            throws Exception {
        if (twins == null) {
            return null;
        }
        if (!twins.stream().allMatch(Twin::isRunning)) {
            progress.accept("the kept twin is no longer running: starting a new one");
            discard();
            return null;
        }
        long started = System.nanoTime();
        String document = DeploymentDocument.of(scenario, variant, runId);
        String id = JSON.readTree(document).get("deploymentId").asText();
        for (Twin twin : twins) {
            channel.deploy(twin.spec().thingName(), withoutRestarted(document, id + "-stop"));
        }
        for (Twin twin : twins) {
            if (!reached(channel, twin, s -> !s.components().containsKey(restarted), STOP_TIMEOUT)) {
                progress.accept(restarted + " did not stop on the kept twin within " + STOP_TIMEOUT.toSeconds()
                        + " s: starting a new twin");
                discard();
                return null;
            }
        }
        listener.set(next);
        for (Twin twin : twins) {
            channel.deploy(twin.spec().thingName(), document);
        }
        for (Twin twin : twins) {
            for (Workload workload : scenario.workloads()) {
                awaitReady(channel, twin, workload.target());
            }
        }
        redeployments++;
        progress.accept("kept twin redeployed: " + restarted + " restarted with " + limits(variant) + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return twins;
    }

    /** A fleet is about to be provisioned for this run: its status listener hears it from its start on. */
    void starting() {
        listener.set(next);
    }

    /** E.g. {@code memory 147456 KB, cpus 0.274}; {@code no limits}. */
    private String limits(Variant variant) {
        ComponentLimits l = variant.limitsOf(restarted);
        if (l == null || l.memoryKb() == null && l.cpus() == null) {
            return "no limits";
        }
        return (l.memoryKb() == null ? "" : "memory " + l.memoryKb() + " KB") + (l.memoryKb() != null && l.cpus() != null ? ", " : "")
                + (l.cpus() == null ? "" : "cpus " + l.cpus());
    }

    /** Keeps {@code started}, just provisioned in {@link #teardown()}, for the runs that follow. */
    void keep(RunningFleet started) {
        keep(started.twins());
    }

    void keep(List<Twin> started) {
        twins = List.copyOf(started);
        fleetsStarted++;
    }

    /** After a run: a twin that was OOM-killed or stopped is closed, so the next run starts a new one. */
    void ran(TwinOutcome outcome) throws Exception {
        if (twins != null && (outcome.oomKilled() || !outcome.running())) {
            discard();
        }
    }

    private void discard() throws Exception {
        List<Twin> old = twins;
        twins = null;
        for (Twin twin : old) {
            session.closeNow(twin);
        }
    }

    private String withoutRestarted(String document, String id) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(document);
        root.put("deploymentId", id);
        ((ObjectNode) root.get("components")).remove(restarted);
        return JSON.writeValueAsString(root);
    }

    private static boolean reached(Channel channel, Twin twin, Predicate<TwinStatus> condition, Duration timeout)
            throws InterruptedException {
        try {
            channel.await(twin.spec().thingName(), condition, timeout);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static void awaitReady(Channel channel, Twin twin, String component) throws InterruptedException {
        try {
            TwinStatus status = channel.await(twin.spec().thingName(),
                    s -> s.isReady(component) || s.isBroken(component), READY_TIMEOUT);
            if (!status.isReady(component)) {
                throw new TwinException("component " + component + " of twin " + twin.spec().thingName()
                        + " is BROKEN before it got ready (last exit: " + status.components().get(component).lastExit()
                        + "); it will not be restarted");
            }
        } catch (TimeoutException e) {
            throw new TwinException(e.getMessage());
        }
    }

    /** How a kept fleet reaches its twins' cores: deployments out, status messages in. */
    interface Channel {

        /** Publishes {@code document} to {@code thing}'s core ({@code edgetwin/<thing>/deployment}). */
        void deploy(String thing, String document);

        /** The first status of {@code thing} (the latest one included) that meets {@code condition}. */
        TwinStatus await(String thing, Predicate<TwinStatus> condition, Duration timeout)
                throws InterruptedException, TimeoutException;

        static Channel of(BrokerClient client, StatusTracker tracker) {
            return new Channel() {
                @Override
                public void deploy(String thing, String document) {
                    client.publish("edgetwin/" + thing + "/deployment", document.getBytes(StandardCharsets.UTF_8), 1);
                }

                @Override
                public TwinStatus await(String thing, Predicate<TwinStatus> condition, Duration timeout)
                        throws InterruptedException, TimeoutException {
                    return tracker.await(thing, condition, timeout);
                }
            };
        }
    }

    @Override
    public void close() throws Exception {
        twins = null;
        context = null;
        session.close();
    }
}
