package io.edgetwin.simulator.run;

import io.edgetwin.report.MissingSeries;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.Interference;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.WorkloadResult;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.cloud.CloudRun;
import io.edgetwin.simulator.fault.FaultInjector;
import io.edgetwin.simulator.fault.Reachability;
import io.edgetwin.simulator.host.HostProbe;
import io.edgetwin.simulator.host.InterferenceMeter;
import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.MqttTransport;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.recovery.RecoveryLog;
import io.edgetwin.simulator.recovery.TwinConnections;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinOutcome;
import io.edgetwin.simulator.twin.runtime.TwinRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One variant: provision its fleet (each twin straight to the broker, or behind its own link proxy when the
 * run's {@link io.edgetwin.simulator.fault.LinkRoute} says so) → wait until every model is
 * ready → observe every second → schedule the faults → warm up and drive the load (in one piece, or in
 * slices when variants are interleaved) → collect → tear the fleet down.
 */
final class VariantRun {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final RunContext run;
    private final Variant variant;
    private final Consumer<String> progress;

    VariantRun(RunContext run, Variant variant) {
        this.run = run;
        this.variant = variant;
        this.progress = message -> run.progress().accept("[" + variant.name() + "] " + message);
    }

    /**
     * Shared by every variant of a run; {@code samples} per workload name; {@code stop} ends a load before
     * its schedule does ({@link ScenarioRun#withStopCondition}); {@code runtime} is the engine the twins run on;
     * {@code kept}, when not null, the fleet kept from an earlier run and for the later ones ({@link KeptFleet}).
     */
    record RunContext(Scenario scenario, String runId, String imageRef, Mosquitto broker, BrokerClient client,
                      StatusTracker tracker, Map<String, List<Sample>> samples, Consumer<String> progress, Clock clock,
                      CloudRun cloud, HostProbe host, TwinConnections connections, StopCondition stop,
                      TwinRuntime runtime, RunSecurity security, KeptFleet kept) {
    }

    private RunningFleet fleet;
    private CloudPlacement placement = CloudPlacement.NONE;
    private PlacementMeter meter;
    private long fleetStartMs;
    private Observer observer;
    private Consumer<TwinStatus> listener;
    private ScheduledExecutorService sampler;
    private Reachability reachability;
    private MqttTransport transport;
    private final Map<String, MqttTransport> transports = new LinkedHashMap<>();
    private FaultInjector injector;
    private InterferenceMeter interference;
    private RecoveryLog recoveries;
    private long measuredStartNanos;
    /**
     * Per slice driven, each workload's result by name. Guarded by itself, with {@link #driving}: the
     * interrupt's snapshot reads both from another thread.
     */
    private final List<Map<String, LoadResult>> slices = new ArrayList<>();
    private Map<String, LoadDriver> driving;

    /** The whole variant, alone on the host: provision → drive the whole duration with its faults → finish. */
    VariantResult run(Teardown teardown) throws Exception {
        start(teardown);
        drive(scenario().workload().warmup(), scenario().workload().duration(), true);
        return finish(teardown);
    }

    /** Provisions the fleet, waits until every model is ready, and starts observing it. */
    void start(Teardown teardown) throws Exception {
        long created = System.nanoTime();
        KeptFleet kept = run.kept();
        fleet = kept == null ? null : kept.redeploy(run, variant, progress);
        if (fleet == null) {
            Teardown owner = kept == null ? teardown : kept.teardown();
            if (kept != null) {
                kept.starting();
            }
            placement = CloudPlacement.start(scenario(), variant, run.imageRef(), run.runId(), owner, progress);
            fleet = new FleetProvisioning(run, variant, progress).provision(owner, placement);
            fleet.twins().stream().filter(twin -> !twin.containerId().isEmpty())
                    .forEach(twin -> run.host().own().addContainer(twin.containerId()));
            if (kept != null) {
                kept.keep(fleet);
            }
        }
        fleetStartMs = (System.nanoTime() - created) / 1_000_000;
        progress.accept("fleet of " + fleet.size() + " ready in " + fleetStartMs + " ms");
        observer = fleet.observer(variant, run.clock());
        listener = observer::onStatus;
        run.tracker().addListener(listener);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "observer");
            thread.setDaemon(true);
            return thread;
        });
        reachability = new Reachability(fleet.size());
        for (Workload workload : scenario().workloads()) {
            transports.put(workload.name(), new MqttTransport(run.client(), things(), workload.topic()));
        }
        transport = transports.get(scenario().workload().name());
        recoveries = new RecoveryLog(fleet.twins().stream().map(t -> t.spec().thingName()).toList(), run.connections(),
                run.client()::connectedSince, transport::lastSentId);
        transport.watchAnswers(recoveries::answered);
        meter = new PlacementMeter(variant.placement());
        transport.watchTimes(meter);
        injector = new FaultInjector(fleet, reachability, observer::event, recoveries)
                .withAttacks(run.security().attacks(variant));
        interference = new InterferenceMeter(run.host(), System::nanoTime);
    }

    /**
     * Drives one measured slice of {@code length} after {@code warmup}; the first slice starts the
     * observer's clock and, when {@code withFaults}, schedules the scenario's faults on it.
     */
    void drive(Duration warmup, Duration length, boolean withFaults) throws InterruptedException {
        Map<String, LoadDriver> drivers = new LinkedHashMap<>();
        String first = scenario().workload().name();
        StopCondition condition = run.stop();
        // a snapshot copies every window's histogram: taken only when something asks for it
        BooleanSupplier stop = condition == StopCondition.NEVER ? () -> false
                : () -> condition.stopsNow(drivers.get(first).snapshot(System.nanoTime()));
        int index = 0;
        for (Workload workload : scenario().workloads()) {
            drivers.put(workload.name(), new LoadDriver(transports.get(workload.name()), run.samples().get(workload.name()),
                    scenario().seed() + slices.size() + 7919L * index++, LoadDriver.Options.defaults().reachableWhen(reachability)
                    .startingAt(slices.size() * 1_000_000_000L)
                    .sendableWhen(() -> reachability.brokerUp() && run.client().isConnected())
                    .stoppingWhen(stop)));
        }
        LoadDriver driver = drivers.get(scenario().workload().name());
        fleet.drivenBy(driver);
        synchronized (slices) {
            driving = drivers;
        }
        for (Workload workload : scenario().workloads()) {
            progress.accept("warming up for " + warmup.toSeconds() + " s, then " + workload.arrival().describe() + " per twin for "
                    + length.toSeconds() + " s" + (scenario().severalWorkloads() ? " (" + workload.name() + " → "
                    + workload.target() + ")" : ""));
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long measuredStart = start + warmup.toNanos();
        if (slices.isEmpty()) {
            measuredStartNanos = measuredStart;
            meter.measuredFrom(measuredStart);
            observer.startsAt(measuredStart);
            sampler.scheduleAtFixedRate(observer::sample, 0, 1, TimeUnit.SECONDS);
            sampler.scheduleAtFixedRate(interference::sample, 0, 1, TimeUnit.SECONDS);
        }
        interference.begin(measuredStart);
        if (withFaults) {
            injector.schedule(scenario().faults(), measuredStart);
        }
        Map<String, LoadResult> slice = ConcurrentLoad.run(scenario().workloads(), drivers, fleet.size(), start, warmup,
                length, DRAIN, progress);
        synchronized (slices) {
            slices.add(slice);
            driving = null;
        }
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
        Map<String, LoadResult> perWorkload;
        synchronized (slices) {
            perWorkload = ConcurrentLoad.perWorkload(slices);
        }
        LoadResult result = LoadResult.concurrent(List.copyOf(perWorkload.values()));
        List<TwinStatus> last = new ArrayList<>();
        for (Twin twin : fleet.twins()) {
            last.add(run.tracker().next(twin.spec().thingName(), Duration.ofSeconds(5)));
        }
        run.tracker().removeListener(listener);
        TwinOutcome outcome = fleet.twins().get(0).outcome();
        if (run.kept() == null) {
            for (Twin twin : fleet.twins()) {
                teardown.closeNow(twin);
            }
        } else {
            run.kept().ran(outcome);
        }
        var attacks = run.security().tally(variant.name(), scenario().faults());
        if (attacks != null) {
            observer.event(null, null, "attacks", attacks.sentence());
        }
        List<Threshold> reading = scenario().thresholdsReading(variant.name());
        List<MissingSeries> missing = SeriesCoverage.missing(observer, things(), scenario().components().keySet());
        Interference host = interference.result();
        Map<String, WorkloadResult> workloads = WorkloadResults.of(scenario(), perWorkload, reading);
        Validity validity = InterferenceRule.apply(SeriesCoverage.check(WorkloadResults.withReasons(
                ValidityCheck.of(result, scenario().validity(), reading), workloads), missing, reading), host,
                scenario().validity().maxOutsideCpu());
        VariantResult measured = Timeline.attach(VariantResults.of(scenario(), variant, last.get(0), outcome, fleetStartMs,
                result, run.tracker().peakMemoryBytes(last.get(0).thing()), validity), result, observer)
                .withMissingSeries(missing).withInterference(host).withRecovery(recoveries.recoveries(measuredStartNanos))
                .withWorkloads(workloads);
        measured = measured.withPlacement(meter.result(result, measured, scenario().faults(), placement.bytesUp(),
                fleet.size(), scenario().workload().duration()));
        placement.closeWith(teardown);
        VariantSummary.lines(measured, result, validity, attacks == null ? null : attacks.sentence()).forEach(progress);
        return VariantResults.withThresholds(measured, variant);
    }

    /**
     * What this variant measured until now, while its load may still run (Ctrl-C): the slices driven so far
     * and the one being driven, from the twins' last status, without waiting for anything. Marked partial,
     * so it is invalid. Empty before its fleet was up or its measured part began.
     */
    Optional<VariantResult> partial(String why) {
        List<Map<String, LoadResult>> parts;
        synchronized (slices) {
            parts = new ArrayList<>(slices);
            if (driving != null) {
                Map<String, LoadResult> now = new LinkedHashMap<>();
                long nanos = System.nanoTime();
                driving.forEach((name, d) -> d.snapshot(nanos).ifPresent(r -> now.put(name, r)));
                if (!now.isEmpty()) {
                    parts.add(now);
                }
            }
        }
        if (parts.isEmpty() || observer == null) {
            return Optional.empty();
        }
        Optional<TwinStatus> last = run.tracker().latest(things().get(0));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Map<String, LoadResult> perWorkload = ConcurrentLoad.perWorkload(parts);
        LoadResult load = LoadResult.concurrent(List.copyOf(perWorkload.values()));
        List<Threshold> reading = scenario().thresholdsReading(variant.name());
        List<MissingSeries> missing = SeriesCoverage.missing(observer, things(), scenario().components().keySet());
        Map<String, WorkloadResult> workloads = WorkloadResults.of(scenario(), perWorkload, reading);
        Validity validity = SeriesCoverage.check(WorkloadResults.withReasons(
                ValidityCheck.of(load, scenario().validity(), reading), workloads), missing, reading);
        VariantResult measured = Timeline.attach(VariantResults.of(scenario(), variant, last.get(),
                new TwinOutcome(false, true, 0), fleetStartMs, load,
                run.tracker().peakMemoryBytes(last.get().thing()), validity), load, observer).withMissingSeries(missing)
                .withWorkloads(workloads).withPartial(String.format("%s after %.1f of %d s of its measured load", why,
                        load.measured().toMillis() / 1000.0, scenario().workload().duration().toSeconds()));
        return Optional.of(VariantResults.withThresholds(measured, variant));
    }

    private List<String> things() {
        return fleet.twins().stream().map(t -> t.spec().thingName()).toList();
    }

    private Scenario scenario() {
        return run.scenario();
    }

}
