package io.edgetwin.simulator.run;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.identity.RunIdentities;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Twin cold start, measured end to end: from the container create call until the core reports the
 * inference component ready (model loaded), one twin after another, each removed before the next.
 */
public final class TwinStartBenchmark {

    private static final String DEPLOYMENT = """
            {"deploymentId": "twin-start", "components": {"com.edgetwin.Inference": {"version": "1.0.0"}}}""";

    private static final String INFERENCE = "com.edgetwin.Inference";

    private final TwinImage image;
    private final Teardown teardown;
    private final Consumer<String> progress;

    public TwinStartBenchmark(TwinImage image, Teardown teardown, Consumer<String> progress) {
        this.image = image;
        this.teardown = teardown;
        this.progress = progress;
    }

    /** Returns each run's create → ready time in milliseconds, in run order, on plain TCP with the component's default model. */
    public List<Long> run(DeviceSpec device, int runs) throws Exception {
        return run(device, runs, false, null);
    }

    /**
     * Returns each run's create → ready time in milliseconds, in run order; with {@code mutualTls} each
     * twin connects over mTLS with a certificate of its own, as in a run (docs/security.md); with a
     * {@code model} the inference component loads that folder under the image's models/ (built-in or a
     * user's model folder with its manifest), else its default.
     */
    public List<Long> run(DeviceSpec device, int runs, boolean mutualTls, String model) throws Exception {
        String deployment = model == null ? DEPLOYMENT : """
                {"deploymentId": "twin-start", "components": {"com.edgetwin.Inference": {"version": "1.0.0",
                  "configurationUpdate": {"merge": {"model": "%s"}}}}}""".formatted(model.replace("\"", ""));
        return run(device, runs, mutualTls, INFERENCE, deployment);
    }

    /**
     * Returns each run's create → ready time in milliseconds, in run order, for a twin started with
     * {@code deployment} (a scenario variant's, neighbours included): ready when {@code target}
     * reported itself ready.
     */
    public List<Long> run(DeviceSpec device, int runs, boolean mutualTls, String target, String deployment) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String imageRef = image.ensureBuilt(progress);
        RunDirectory dir = teardown.register(RunDirectory.create(runId));
        RunIdentities identities = mutualTls
                ? RunIdentities.create(dir.path(), runId, Clock.systemUTC(), new SecureRandom(), false) : null;
        Mosquitto broker = teardown.register(Mosquitto.start(dir.path(), Duration.ofSeconds(10),
                identities == null ? null : identities.brokerTls()));
        BrokerClient client = teardown.register(identities == null
                ? new BrokerClient(broker.uri(), "edgetwin-bench-" + runId)
                : new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, true, identities.harnessContext()));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, tracker::accept);
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            String thing = "twin-start-" + i;
            long created = System.nanoTime();
            TwinSpec spec = identities == null ? new TwinSpec(thing, imageRef, device, broker.uri(), deployment, runId)
                    : identities.secured(new TwinSpec(thing, imageRef, device, "tcp://127.0.0.1:" + broker.tlsPort(), deployment,
                    runId), broker.tlsPort());
            DeviceTwin twin = teardown.register(DeviceTwin.start(spec));
            tracker.await(thing, s -> s.isReady(target), Duration.ofMinutes(3));
            long elapsed = (System.nanoTime() - created) / 1_000_000;
            teardown.closeNow(twin);
            millis.add(elapsed);
            progress.accept("run " + i + " of " + runs + ": twin ready " + elapsed + " ms after create");
        }
        return millis;
    }
}
