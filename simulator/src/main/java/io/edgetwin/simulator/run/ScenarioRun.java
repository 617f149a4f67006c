package io.edgetwin.simulator.run;

import io.edgetwin.report.Report;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.load.ConstantRateLoad;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.load.Samples;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.Reaper;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One run of a scenario. Reads as its job: clean up leftovers → build the image → start the broker →
 * for each variant, one after another on an otherwise idle host: provision a twin → wait until the
 * model is ready → warm up and drive the load → collect → tear the twin down. Everything started is
 * registered with a {@link Teardown}, which the CLI also runs on Ctrl-C.
 */
public final class ScenarioRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final Scenario scenario;
    private final TwinImage image;
    private final Teardown teardown;
    private final Consumer<String> progress;
    private final Clock clock;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private BiConsumer<String, byte[]> statusListener = (topic, payload) -> { };

    public ScenarioRun(Scenario scenario, TwinImage image, Teardown teardown, Consumer<String> progress, Clock clock) {
        this.scenario = scenario;
        this.image = image;
        this.teardown = teardown;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Also hands every status message of the run's twins ({@code edgetwin/+/status}, docs/topics.md) to
     * {@code listener}, on the broker client's thread, e.g. to follow one component's page faults.
     */
    public ScenarioRun withStatusListener(BiConsumer<String, byte[]> listener) {
        this.statusListener = listener;
        return this;
    }

    public Report run() throws Exception {
        Instant startedAt = clock.instant();
        reapLeftovers();
        String imageRef = image.ensureBuilt(line -> progress.accept(line.replaceFirst("^edgetwin: ", "")));
        List<Sample> samples = Samples.read(image.models().resolve(scenario.workload().samples()).resolve("samples.csv"));
        RunDirectory dir = teardown.register(RunDirectory.create(runId));
        Mosquitto broker = teardown.register(Mosquitto.start(dir.path(), Duration.ofSeconds(10)));
        progress.accept("broker: mosquitto on " + broker.uri());
        BrokerClient client = teardown.register(new BrokerClient(broker.uri(), "edgetwin-harness-" + runId));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, (topic, payload) -> {
            tracker.accept(topic, payload);
            statusListener.accept(topic, payload);
        });
        Map<String, VariantResult> results = new LinkedHashMap<>();
        for (Variant variant : scenario.variants()) {
            results.put(variant.name(), new VariantRun(scenario, variant, runId, imageRef, broker.uri(), client, tracker,
                    samples, message -> progress.accept("[" + variant.name() + "] " + message)).run(teardown));
        }
        return Report.of(scenario.name(), startedAt, clock.instant(), results);
    }

    private void reapLeftovers() throws IOException {
        int containers = Reaper.reapLeftovers(progress);
        int runs = RunDirectory.reapLeftovers(progress);
        if (containers + runs > 0) {
            progress.accept("cleaned up after an earlier run: " + containers + " container(s), " + runs + " run folder(s)");
        }
    }

    /** One variant: provision → ready → drive → collect → tear down. */
    private record VariantRun(Scenario scenario, Variant variant, String runId, String imageRef, String brokerUri,
                              BrokerClient client, StatusTracker tracker, List<Sample> samples,
                              Consumer<String> progress) {

        VariantResult run(Teardown teardown) throws Exception {
            String thing = scenario.name() + "-" + variant.name() + "-1";
            TwinSpec spec = new TwinSpec(thing, imageRef, scenario.device(), brokerUri,
                    DeploymentDocument.of(scenario, variant, runId), runId);
            Workload workload = scenario.workload();
            progress.accept("starting twin " + thing + " (memory " + scenario.device().memoryBytes() / (1024 * 1024)
                    + " MiB, cpus " + scenario.device().cpus() + ")");
            long created = System.nanoTime();
            DeviceTwin twin = teardown.register(DeviceTwin.start(spec));
            TwinStatus ready = awaitReady(twin, workload.target());
            long twinStartMs = (System.nanoTime() - created) / 1_000_000;
            progress.accept("twin ready in " + twinStartMs + " ms; warming up for " + workload.warmup().toSeconds()
                    + " s, then " + workload.ratePerSecond() + " requests/s for " + workload.duration().toSeconds() + " s");
            ConstantRateLoad load = new ConstantRateLoad(client, List.of(thing), samples, scenario.seed());
            LoadResult result = load.run(workload.ratePerSecond(), workload.warmup(), workload.duration(), DRAIN,
                    (elapsed, sent, ok, failed, p99) -> progress.accept(String.format(
                            "%3d/%d s  sent %d  ok %d  failed %d  p99 %.1f ms", elapsed.toSeconds(),
                            workload.duration().toSeconds(), sent, ok, failed, p99 / 1e6)));
            TwinStatus last = awaitNextStatus(thing, ready);
            DeviceTwin.ContainerOutcome outcome = twin.outcome();
            teardown.closeNow(twin);
            VariantResult measured = VariantResults.of(scenario, variant, last, outcome, twinStartMs, result,
                    tracker.peakMemoryBytes(thing));
            progress.accept(String.format("done: ok %d of %d, p99 %.1f ms, correct %d", result.ok(), result.sent(),
                    measured.latencyMs().p99(), result.correct()));
            return VariantResults.withThresholds(measured, variant);
        }

        private TwinStatus awaitReady(DeviceTwin twin, String component) throws InterruptedException {
            try {
                TwinStatus status = tracker.await(twin.spec().thingName(),
                        s -> s.isReady(component) || s.isBroken(component), READY_TIMEOUT);
                if (!status.isReady(component)) {
                    throw new TwinException("component " + component + " of twin " + twin.spec().thingName()
                            + " is BROKEN before it got ready (last exit: " + status.components().get(component).lastExit()
                            + "); it will not be restarted");
                }
                return status;
            } catch (TimeoutException e) {
                String logs = twin.logs();
                throw new TwinException(e.getMessage() + "\nlast lines of the twin's log:\n"
                        + logs.substring(Math.max(0, logs.length() - 3000)));
            }
        }

        private TwinStatus awaitNextStatus(String thing, TwinStatus before) throws InterruptedException {
            TwinStatus current = tracker.latest(thing).orElse(before);
            try {
                return tracker.await(thing, s -> s != current, Duration.ofSeconds(5));
            } catch (TimeoutException e) {
                return current;
            }
        }
    }
}
