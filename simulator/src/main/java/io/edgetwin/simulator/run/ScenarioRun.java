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
import io.edgetwin.simulator.host.HostProbe;
import io.edgetwin.simulator.host.OwnUsage;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.recovery.TwinConnections;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.Reaper;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.host.HostProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
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
    private BooleanSupplier stop = () -> false;

    private final Map<String, VariantResult> finished = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
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
     * What this run measured until it was stopped (Ctrl-C): the variants that finished, marked
     * ABORTED with the last progress line of the one that did not; empty when none finished.
     */
    public Optional<Report> partial(String why) {
        Map<String, VariantResult> done;
        synchronized (finished) {
            done = new LinkedHashMap<>(finished);
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
     * Stops each variant's load at the first once-a-second check where {@code condition} holds (its drain
     * still runs, so the report counts what was sent), e.g. once a sizing trial's outcome is decided.
     */
    public ScenarioRun withStopCondition(BooleanSupplier condition) {
        this.stop = condition;
        return this;
    }

    public Report run() throws Exception {
        startedAt = clock.instant();
        reapLeftovers();
        String imageRef = image.ensureBuilt(line -> progress.accept(line.replaceFirst("^edgetwin: ", "")));
        List<Sample> samples = scenario.workload().input().read(image.models());
        RunDirectory dir = teardown.register(RunDirectory.create(runId));
        Mosquitto broker = teardown.register(Mosquitto.start(dir.path(), Duration.ofSeconds(10)));
        progress.accept("broker: mosquitto on " + broker.uri());
        // A persistent session: answers spooled on the twins during a broker outage reach the harness afterwards.
        BrokerClient client = teardown.register(new BrokerClient(broker.uri(), "edgetwin-harness-" + runId, false));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, (topic, payload) -> {
            tracker.accept(topic, payload);
            statusListener.accept(topic, payload);
        });
        TwinConnections connections = new TwinConnections(clock, System::nanoTime);
        client.subscribe(TwinConnections.TOPIC_FILTER, 1, connections::accept);
        CloudRun cloud = scenario.artifacts().enabled()
                ? teardown.register(CloudRun.start(scenario.artifacts(), image, runId, client, tracker, progress)) : null;
        OwnUsage own = OwnUsage.ofThisHost();
        own.addProcess(() -> ProcessHandle.current().pid());
        own.addProcess(broker::pid);
        VariantRun.RunContext context = new VariantRun.RunContext(scenario, runId, imageRef, broker, client, tracker, samples,
                progress, clock, cloud, HostProbe.ofThisHost(own), connections, stop);
        boolean interleaved = scenario.execution() == Scenario.Execution.INTERLEAVED;
        Map<String, VariantResult> results = interleaved ? interleaved(context) : sequential(context);
        if (cloud != null) {
            cloud.reportFleet();
        }
        backend = cloud == null ? null : cloud.backend().id();
        RunSetup setup = setup();
        Path home = Path.of(System.getProperty("edgetwin.home", ".")).toAbsolutePath().normalize();
        return Report.of(setup, startedAt, clock.instant(), judged(results))
                .withProvenance(new HostProvenance(Path.of("/"), home).of(imageRef));
    }

    /** Every variant's thresholds, now that each variant can be compared with those that ran after it. */
    private Map<String, VariantResult> judged(Map<String, VariantResult> results) {
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        scenario.variants().forEach(variant -> thresholds.put(variant.name(), variant.thresholds()));
        return Gate.judge(results, thresholds);
    }

    private Map<String, VariantResult> sequential(VariantRun.RunContext context) throws Exception {
        progress.accept("variants run one after another, each alone on the host (execution: sequential)");
        Map<String, VariantResult> outcomes = new LinkedHashMap<>();
        for (Variant variant : scenario.variants()) {
            VariantResult result = new VariantRun(context, variant).run(teardown);
            outcomes.put(variant.name(), result);
            finished.put(variant.name(), result);
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
            outcomes.put(e.getKey(), e.getValue().finish(teardown));
        }
        return outcomes;
    }

    private void reapLeftovers() throws IOException {
        int containers = Reaper.reapLeftovers(progress);
        int runs = RunDirectory.reapLeftovers(progress);
        if (containers + runs > 0) {
            progress.accept("cleaned up after an earlier run: " + containers + " container(s), " + runs + " run folder(s)");
        }
    }
}
