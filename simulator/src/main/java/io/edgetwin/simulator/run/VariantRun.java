package io.edgetwin.simulator.run;

import io.edgetwin.report.MissingSeries;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.Interference;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.cloud.CloudException;
import io.edgetwin.simulator.cloud.CloudRun;
import io.edgetwin.simulator.fault.FaultInjector;
import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.fault.Reachability;
import io.edgetwin.simulator.host.HostProbe;
import io.edgetwin.simulator.host.InterferenceMeter;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.MqttTransport;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.measure.HostCgroup;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.recovery.RecoveryLog;
import io.edgetwin.simulator.recovery.TwinConnections;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One variant: provision its fleet (each twin behind its own link proxy) → wait until every model is
 * ready → observe every second → schedule the faults → warm up and drive the load (in one piece, or in
 * slices when variants are interleaved) → collect → tear the fleet down.
 */
final class VariantRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final RunContext run;
    private final Variant variant;
    private final Consumer<String> progress;

    VariantRun(RunContext run, Variant variant) {
        this.run = run;
        this.variant = variant;
        this.progress = message -> run.progress().accept("[" + variant.name() + "] " + message);
    }

    /** Shared by every variant of a run; {@code stop} ends a load before its schedule does ({@link ScenarioRun#withStopCondition}). */
    record RunContext(Scenario scenario, String runId, String imageRef, Mosquitto broker, BrokerClient client,
                      StatusTracker tracker, List<Sample> samples, Consumer<String> progress, Clock clock,
                      CloudRun cloud, HostProbe host, TwinConnections connections, BooleanSupplier stop) {
    }

    private RunningFleet fleet;
    private long fleetStartMs;
    private Observer observer;
    private Consumer<TwinStatus> listener;
    private ScheduledExecutorService sampler;
    private Reachability reachability;
    private MqttTransport transport;
    private FaultInjector injector;
    private InterferenceMeter interference;
    private RecoveryLog recoveries;
    private long measuredStartNanos;
    private final List<LoadResult> slices = new ArrayList<>();

    /** The whole variant, alone on the host: provision → drive the whole duration with its faults → finish. */
    VariantResult run(Teardown teardown) throws Exception {
        start(teardown);
        drive(scenario().workload().warmup(), scenario().workload().duration(), true);
        return finish(teardown);
    }

    /** Provisions the fleet, waits until every model is ready, and starts observing it. */
    void start(Teardown teardown) throws Exception {
        long created = System.nanoTime();
        fleet = provision(teardown);
        fleetStartMs = (System.nanoTime() - created) / 1_000_000;
        progress.accept("fleet of " + fleet.size() + " ready in " + fleetStartMs + " ms");
        observer = observer(fleet);
        listener = observer::onStatus;
        run.tracker().addListener(listener);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "observer");
            thread.setDaemon(true);
            return thread;
        });
        reachability = new Reachability(fleet.size());
        transport = new MqttTransport(run.client(), fleet.twins().stream().map(t -> t.spec().thingName()).toList());
        recoveries = new RecoveryLog(fleet.twins().stream().map(t -> t.spec().thingName()).toList(), run.connections(),
                run.client()::connectedSince, transport::lastSentId);
        transport.watchAnswers(recoveries::answered);
        injector = new FaultInjector(fleet, reachability, observer::event, recoveries);
        fleet.twins().forEach(twin -> run.host().own().addContainer(twin.containerId()));
        interference = new InterferenceMeter(run.host(), System::nanoTime);
    }

    /**
     * Drives one measured slice of {@code length} after {@code warmup}; the first slice starts the
     * observer's clock and, when {@code withFaults}, schedules the scenario's faults on it.
     */
    void drive(Duration warmup, Duration length, boolean withFaults) {
        Workload workload = scenario().workload();
        LoadDriver driver = new LoadDriver(transport, run.samples(), scenario().seed() + slices.size(),
                LoadDriver.Options.defaults().reachableWhen(reachability).startingAt(slices.size() * 1_000_000_000L)
                        .sendableWhen(() -> reachability.brokerUp() && run.client().isConnected())
                        .stoppingWhen(run.stop()));
        fleet.drivenBy(driver);
        progress.accept("warming up for " + warmup.toSeconds() + " s, then " + describe(workload.arrival()) + " per twin for "
                + length.toSeconds() + " s");
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long measuredStart = start + warmup.toNanos();
        if (slices.isEmpty()) {
            measuredStartNanos = measuredStart;
            observer.startsAt(measuredStart);
            sampler.scheduleAtFixedRate(observer::sample, 0, 1, TimeUnit.SECONDS);
            sampler.scheduleAtFixedRate(interference::sample, 0, 1, TimeUnit.SECONDS);
        }
        interference.begin(measuredStart);
        if (withFaults) {
            injector.schedule(scenario().faults(), measuredStart);
        }
        slices.add(driver.run(workload.arrival().forFleet(fleet.size()), start, warmup, length, DRAIN,
                (elapsed, sent, ok, failed, p99) -> progress.accept(String.format(
                        "%3d/%d s  sent %d  ok %d  failed %d  p99 %.1f ms", elapsed.toSeconds(),
                        length.toSeconds(), sent, ok, failed, p99 / 1e6))));
        interference.end();
        if (driver.stoppedEarly()) {
            progress.accept("load stopped early: the run's outcome was decided");
        }
    }

    /** Stops observing, collects the last status of every twin, tears the fleet down and assembles the outcome. */
    VariantResult finish(Teardown teardown) throws Exception {
        injector.close();
        sampler.shutdown();
        // an interrupted reading would look like a series cut off at the end
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        LoadResult result = LoadResult.combine(slices);
        List<TwinStatus> last = new ArrayList<>();
        for (DeviceTwin twin : fleet.twins()) {
            last.add(awaitNextStatus(twin.spec().thingName()));
        }
        run.tracker().removeListener(listener);
        DeviceTwin.ContainerOutcome outcome = fleet.twins().get(0).outcome();
        for (DeviceTwin twin : fleet.twins()) {
            teardown.closeNow(twin);
        }
        List<Threshold> reading = scenario().thresholdsReading(variant.name());
        List<MissingSeries> missing = SeriesCoverage.missing(observer, things(), scenario().components().keySet());
        Interference host = interference.result();
        Validity validity = InterferenceRule.apply(SeriesCoverage.check(ValidityCheck.of(result, scenario().validity(), reading),
                missing, reading), host, scenario().validity().maxOutsideCpu());
        VariantResult measured = Timeline.attach(VariantResults.of(scenario(), variant, last.get(0), outcome, fleetStartMs,
                result, run.tracker().peakMemoryBytes(last.get(0).thing()), validity), result, observer)
                .withMissingSeries(missing).withInterference(host).withRecovery(recoveries.recoveries(measuredStartNanos));
        missing.forEach(m -> progress.accept("series not sampled: " + m.describe()));
        if (host != null) {
            progress.accept(host.sentence());
        }
        progress.accept(String.format("done: ok %d of %d, dropped %d, unsent %d, unanswered %d, p99 %.1f ms, correct %d, %s",
                result.ok(), result.scheduled(), result.dropped(), result.unsent(), result.unanswered(), measured.latencyMs().p99(),
                result.correct(), validity.valid() ? "VALID" : "INVALID: " + String.join("; ", validity.reasons())));
        return VariantResults.withThresholds(measured, variant);
    }

    private List<String> things() {
        return fleet.twins().stream().map(t -> t.spec().thingName()).toList();
    }

    private Scenario scenario() {
        return run.scenario();
    }

    private RunningFleet provision(Teardown teardown) throws Exception {
        Scenario scenario = run.scenario();
        progress.accept("starting " + scenario.twins() + " twin(s) (memory " + scenario.device().memoryBytes() / (1024 * 1024)
                + " MiB, cpus " + scenario.device().cpus() + ")" + (scenario.profile() == null ? ""
                : "; profile " + scenario.profile().note(Runtime.getRuntime().availableProcessors())));
        List<TwinSpec> specs = new ArrayList<>();
        List<LinkProxy> links = new ArrayList<>();
        String deployment = DeploymentDocument.of(scenario, variant, run.runId());
        for (int i = 1; i <= scenario.twins(); i++) {
            String thing = scenario.name() + "-" + variant.name() + "-" + i;
            LinkProxy link = teardown.register(new LinkProxy(run.broker().port(), scenario.seed() + i));
            links.add(link);
            specs.add(run.cloud() == null
                    ? new TwinSpec(thing, run.imageRef(), scenario.device(), link.uri(), deployment, run.runId())
                    : new TwinSpec(thing, run.imageRef(), scenario.device(), link.uri(), CloudRun.EMPTY_DEPLOYMENT,
                    run.runId(), run.cloud().twinEnvironment()));
        }
        List<DeviceTwin> twins = FleetLaunch.startAll(specs, DeviceTwin::start, FleetLaunch.DEFAULT_PARALLELISM, teardown);
        if (run.cloud() != null) {
            for (DeviceTwin twin : twins) {
                try {
                    run.cloud().deploy(deployment, twin.spec().thingName());
                } catch (CloudException e) { // e.g. a component that cannot load its model: its log says why
                    throw new CloudException(e.getMessage() + "\n" + logTail(twin), e);
                }
            }
        }
        for (DeviceTwin twin : twins) {
            awaitReady(twin, scenario.workload().target());
        }
        return new RunningFleet(scenario, variant, twins, links, run.broker(), run.client(), run.tracker(), run.connections());
    }

    private Observer observer(RunningFleet fleet) {
        Map<String, HostCgroup> cgroups = new LinkedHashMap<>();
        Map<String, Observer.Limits> limits = new LinkedHashMap<>();
        for (DeviceTwin twin : fleet.twins()) {
            String thing = twin.spec().thingName();
            cgroups.put(thing, HostCgroup.of(twin.containerId(), twin::pid));
            limits.put(thing + "/device", new Observer.Limits(twin.spec().device().memoryBytes(), twin.spec().device().cpus()));
            variant.limits().forEach((component, l) -> limits.put(thing + "/" + component,
                    new Observer.Limits(l.memoryKb() == null ? null : l.memoryKb() * 1024, l.cpus())));
        }
        return new Observer(cgroups, limits, run.clock());
    }

    private void awaitReady(DeviceTwin twin, String component) throws InterruptedException {
        try {
            TwinStatus status = run.tracker().await(twin.spec().thingName(),
                    s -> s.isReady(component) || s.isBroken(component), READY_TIMEOUT);
            if (!status.isReady(component)) {
                throw new TwinException("component " + component + " of twin " + twin.spec().thingName()
                        + " is BROKEN before it got ready (last exit: " + status.components().get(component).lastExit()
                        + "); it will not be restarted\n" + logTail(twin));
            }
        } catch (TimeoutException e) {
            String logs = twin.logs();
            throw new TwinException(e.getMessage() + "\nlast lines of the twin's log:\n"
                    + logs.substring(Math.max(0, logs.length() - 3000)));
        }
    }

    private static String logTail(DeviceTwin twin) {
        String logs = twin.logs();
        return "last lines of the twin's log:\n" + logs.substring(Math.max(0, logs.length() - 3000));
    }

    private TwinStatus awaitNextStatus(String thing) throws InterruptedException {
        TwinStatus current = run.tracker().latest(thing).orElseThrow();
        try {
            return run.tracker().await(thing, s -> s != current, Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            return current;
        }
    }

    static String describe(Arrival arrival) {
        if (arrival instanceof Arrival.Closed closed) {
            return "closed, " + closed.concurrency() + " in flight";
        }
        String rate = String.format("%.1f", arrival.warmupPerSecond()) + " requests/s";
        boolean steady = arrival instanceof Arrival.Constant || arrival instanceof Arrival.Poisson;
        return arrival.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " arrivals, "
                + (steady ? rate : rate + " at first");
    }
}
