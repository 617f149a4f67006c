package io.edgetwin.simulator.run;

import io.edgetwin.report.Execution;
import io.edgetwin.report.Report;
import io.edgetwin.report.RunSetup;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.cloud.CloudRun;
import io.edgetwin.simulator.fault.LinkRoute;
import io.edgetwin.simulator.host.HostProbe;
import io.edgetwin.simulator.host.OwnUsage;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.recovery.TwinConnections;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.Reaper;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.runtime.EngineChoice;
import io.edgetwin.simulator.twin.runtime.SwarmLeftovers;
import io.edgetwin.simulator.host.HostProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One run of a scenario. Reads as its job: clean up leftovers → build the image → start the broker →
 * for each variant, one after another on an otherwise idle host, a {@link VariantRun} (provision the
 * fleet → ready → observe, inject faults, drive the load → collect → tear down). Everything started
 * is registered with a {@link Teardown}, which the CLI also runs on Ctrl-C.
 */
public final class ScenarioRun {

    /** Slices per variant when variants are interleaved. */
    static final int ROUNDS = 3;

    private final Scenario scenario;
    private final TwinImage image;
    private final Teardown teardown;
    private final Consumer<String> progress;
    private final Clock clock;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private BiConsumer<String, byte[]> statusListener = (topic, payload) -> { };
    private StopCondition stop = StopCondition.NEVER;
    private EngineChoice engine = EngineChoice.docker();
    private KeptFleet kept;

    private final Map<String, VariantResult> finished = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, VariantRun> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Instant startedAt;
    private volatile String lastProgress = "before any variant started";
    private volatile String backend;

    public ScenarioRun(Scenario scenario, TwinImage image, Teardown teardown, Consumer<String> progress, Clock clock) {
        this.scenario = scenario;
        this.image = image;
        this.teardown = teardown;
        this.progress = line -> {
            lastProgress = line;
            progress.accept(line);
        };
        this.clock = clock;
    }

    /**
     * What this run measured until it was stopped (Ctrl-C), marked ABORTED with the last progress line: the
     * variants that finished, and those being measured with what they measured so far, each marked partial
     * (invalid, so no gate passes on it); empty when nothing was measured yet.
     */
    public Optional<Report> partial(String why) {
        Map<String, VariantResult> done = new LinkedHashMap<>();
        for (Variant variant : scenario.variants()) {
            VariantResult result = finished.get(variant.name());
            VariantRun measuring = running.get(variant.name());
            if (result != null) {
                done.put(variant.name(), result);
            } else if (measuring != null) {
                measuring.partial(why).ifPresent(partial -> done.put(variant.name(), partial));
            }
        }
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        scenario.variants().forEach(variant -> thresholds.put(variant.name(), variant.thresholds()));
        return PartialReport.of(setup(), startedAt == null ? clock.instant() : startedAt, clock.instant(), done, thresholds,
                why + "; last measured: " + lastProgress);
    }

    /** The last progress line, e.g. {@code [limited]  16/30 s  sent 801  ok 800  failed 0  p99 64.0 ms}. */
    public String lastProgress() {
        return lastProgress;
    }

    private RunSetup setup() {
        return new RunSetup(scenario.name(), scenario.seed(), scenario.execution() == Scenario.Execution.INTERLEAVED
                ? Execution.INTERLEAVED : Execution.SEQUENTIAL, scenario.text(), backend);
    }

    /**
     * Also hands every status message of the run's twins ({@code edgetwin/+/status}, docs/topics.md) to
     * {@code listener}, on the broker client's thread, e.g. to follow one component's page faults.
     */
    public ScenarioRun withStatusListener(BiConsumer<String, byte[]> listener) {
        this.statusListener = listener;
        return this;
    }

    /**
     * Stops each variant's load at the first once-a-second check where {@code condition} holds, asked with what
     * the measured part has produced so far (its drain still runs, so the report counts what was sent), e.g. once
     * a sizing trial's outcome is decided.
     */
    public ScenarioRun withStopCondition(StopCondition condition) {
        this.stop = condition;
        return this;
    }

    /**
     * Where the twins run: the scenario's {@code engine} on {@code choice}'s advertise address and
     * registry (docs/scale.md); the docker engine on loopback unless called.
     */
    public ScenarioRun withEngine(EngineChoice choice) {
        this.engine = choice;
        return this;
    }

    /**
     * Keeps this run's broker, connection and twins in {@code fleet} for the runs after it, or reuses those an
     * earlier run kept there: the run then redeploys its variant instead of starting twins ({@link KeptFleet}).
     * Ignored for a scenario {@link KeptFleet#keeps} refuses. The caller closes {@code fleet} at the end.
     */
    public ScenarioRun withKeptFleet(KeptFleet fleet) {
        this.kept = KeptFleet.keeps(scenario) ? fleet : null;
        return this;
    }

    public Report run() throws Exception {
        startedAt = clock.instant();
        if (kept != null) {
            kept.listenAfterRestart(statusListener);
        }
        VariantRun.RunContext context = kept == null ? null : kept.context(scenario, stop, progress);
        if (context == null) {
            context = open(kept == null ? teardown : kept.teardown());
        }
        boolean interleaved = scenario.execution() == Scenario.Execution.INTERLEAVED;
        Map<String, VariantResult> results = interleaved ? interleaved(context) : sequential(context);
        CloudRun cloud = context.cloud();
        if (cloud != null) {
            cloud.reportFleet();
        }
        backend = cloud == null ? null : cloud.backend().id();
        RunSetup setup = setup();
        Path home = Path.of(System.getProperty("edgetwin.home", ".")).toAbsolutePath().normalize();
        return Report.of(setup, startedAt, clock.instant(), judged(results, context.security()))
                .withProvenance(new HostProvenance(Path.of("/"), home).of(context.imageRef()));
    }

    /**
     * Cleans up leftovers, builds the image, starts the broker and connects: what every variant of the run
     * shares, each part registered with {@code owner} (the run's teardown, or the kept fleet's).
     */
    private VariantRun.RunContext open(Teardown owner) throws Exception {
        reapLeftovers();
        String imageRef = image.ensureBuilt(line -> progress.accept(line.replaceFirst("^edgetwin: ", "")));
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (io.edgetwin.simulator.scenario.Workload workload : scenario.workloads()) {
            samples.put(workload.name(), workload.input().read(image.models()));
        }
        RunDirectory dir = owner.register(RunDirectory.create(runId));
        RunSecurity security = RunSecurity.of(scenario, dir.path(), runId, clock, new SecureRandom());
        Mosquitto broker = owner.register(security.startBroker(dir.path(), Duration.ofSeconds(10)));
        progress.accept("broker: " + security.describe());
        // A persistent session: answers spooled on the twins during a broker outage reach the harness afterwards.
        BrokerClient client = owner.register(security.connectHarness(runId));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, (topic, payload) -> {
            tracker.accept(topic, payload);
            if (kept == null) {
                statusListener.accept(topic, payload);
            } else {
                kept.heard(topic, payload);
            }
        });
        TwinConnections connections = new TwinConnections(clock, System::nanoTime);
        client.subscribe(TwinConnections.TOPIC_FILTER, 1, connections::accept);
        CloudRun cloud = scenario.artifacts().enabled()
                ? owner.register(CloudRun.start(scenario.artifacts(), image, runId, client, tracker, progress)) : null;
        OwnUsage own = OwnUsage.ofThisHost();
        own.addProcess(() -> ProcessHandle.current().pid());
        own.addProcess(broker::pid);
        VariantRun.RunContext context = new VariantRun.RunContext(scenario, runId, imageRef, broker, client, tracker, samples,
                progress, clock, cloud, HostProbe.ofThisHost(own), connections, stop,
                owner.register(engine.withEngine(scenario.engine()).open(dir.path(), runId, progress)), security, kept);
        context.runtime().prepare(imageRef);
        progress.accept(LinkRoute.of(scenario.faults(), context.runtime().hostAddress()).describe());
        if (kept != null) {
            kept.opened(context);
        }
        return context;
    }

    /** Every variant's thresholds, now that each variant can be compared with those that ran after it. */
    private Map<String, VariantResult> judged(Map<String, VariantResult> results, RunSecurity security) {
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        scenario.variants().forEach(variant -> thresholds.put(variant.name(), variant.thresholds()));
        Map<String, VariantResult> reported = new LinkedHashMap<>();
        results.forEach((name, result) -> reported.put(name, security.reported(variant(name), result, scenario.faults())));
        Map<String, VariantResult> judged = new LinkedHashMap<>();
        Gate.judge(reported, thresholds).forEach((name, result) -> judged.put(name, security.judged(variant(name), result,
                scenario.faults())));
        return judged;
    }

    private Variant variant(String name) {
        return scenario.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, VariantResult> sequential(VariantRun.RunContext context) throws Exception {
        progress.accept("variants run one after another, each alone on the host (execution: sequential)");
        Map<String, VariantResult> outcomes = new LinkedHashMap<>();
        for (Variant variant : scenario.variants()) {
            VariantRun run = new VariantRun(context, variant);
            running.put(variant.name(), run);
            VariantResult result = run.run(teardown);
            outcomes.put(variant.name(), result);
            finished.put(variant.name(), result);
            running.remove(variant.name());
        }
        return outcomes;
    }

    /**
     * Every variant's fleet up at once, the load alternating between variants in {@link #ROUNDS}
     * slices each, so slow drifts of the host hit every variant alike; only one variant is loaded at a time.
     */
    private Map<String, VariantResult> interleaved(VariantRun.RunContext context) throws Exception {
        progress.accept("variants interleaved: all fleets up, the load alternates between variants in " + ROUNDS
                + " slices each (execution: interleaved)");
        Map<String, VariantRun> runs = new LinkedHashMap<>();
        for (Variant variant : scenario.variants()) {
            VariantRun run = new VariantRun(context, variant);
            running.put(variant.name(), run);
            run.start(teardown);
            runs.put(variant.name(), run);
        }
        Duration slice = scenario.workload().duration().dividedBy(ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            for (VariantRun run : runs.values()) {
                run.drive(round == 0 ? scenario.workload().warmup() : Duration.ZERO, slice, false);
            }
        }
        Map<String, VariantResult> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, VariantRun> e : runs.entrySet()) {
            VariantResult result = e.getValue().finish(teardown);
            outcomes.put(e.getKey(), result);
            finished.put(e.getKey(), result);
            running.remove(e.getKey());
        }
        return outcomes;
    }

    private void reapLeftovers() throws IOException {
        int containers = Reaper.reapLeftovers(progress) + SwarmLeftovers.reap(progress);
        int runs = RunDirectory.reapLeftovers(progress);
        if (containers + runs > 0) {
            progress.accept("cleaned up after an earlier run: " + containers + " container(s), " + runs + " run folder(s)");
        }
    }
}
