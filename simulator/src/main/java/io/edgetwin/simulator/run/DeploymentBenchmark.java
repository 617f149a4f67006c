package io.edgetwin.simulator.run;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.cloud.ArtifactStore;
import io.edgetwin.simulator.cloud.CloudRun;
import io.edgetwin.simulator.cloud.ComponentPublisher;
import io.edgetwin.simulator.cloud.DeploymentService;
import io.edgetwin.simulator.cloud.ModelRelease;
import io.edgetwin.simulator.cloud.Rollout;
import io.edgetwin.simulator.cloud.RolloutPolicy;
import io.edgetwin.simulator.cloud.StoredArtifact;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import io.edgetwin.simulator.twin.DeviceTwin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A model release rolled out to a fleet, measured end to end: twins are started empty and online
 * first; the clock runs from sending the jobs (all at once) until every twin reported its job final,
 * which covers the artifact download and digest check, the component's start and model load, and the
 * core's stability wait.
 */
public final class DeploymentBenchmark {

    private static final String INFERENCE = "com.edgetwin.Inference";

    private final TwinImage image;
    private final Teardown teardown;
    private final Consumer<String> progress;

    public DeploymentBenchmark(TwinImage image, Teardown teardown, Consumer<String> progress) {
        this.image = image;
        this.teardown = teardown;
        this.progress = progress;
    }

    /** Returns the rollout and its duration in milliseconds. */
    public Result run(DeviceSpec device, int twins, String model, String store) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String imageRef = image.ensureBuilt(progress);
        ArtifactStore artifacts = teardown.register(ArtifactStore.start(ArtifactStore.choose(store), runId));
        List<StoredArtifact> release = new ComponentPublisher(artifacts, image.recipes(), image.models())
                .publish(new ModelRelease(INFERENCE, "1.0.0", "9.0.0", model));
        long bytes = release.stream().mapToLong(StoredArtifact::sizeBytes).sum();
        RunDirectory dir = teardown.register(RunDirectory.create(runId));
        Mosquitto broker = teardown.register(Mosquitto.start(dir.path(), Duration.ofSeconds(10)));
        BrokerClient client = teardown.register(new BrokerClient(broker.uri(), "edgetwin-bench-" + runId));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, tracker::accept);
        DeploymentService service = new DeploymentService(client, tracker, Clock.systemUTC());
        List<String> things = new ArrayList<>();
        for (int i = 1; i <= twins; i++) {
            String thing = "rollout-" + i;
            teardown.register(DeviceTwin.start(new TwinSpec(thing, imageRef, device, broker.uri(), CloudRun.EMPTY_DEPLOYMENT,
                    runId, artifacts.twinEnvironment())));
            things.add(thing);
        }
        for (String thing : things) {
            tracker.await(thing, s -> "RUNNING".equals(s.core()), Duration.ofMinutes(2));
        }
        progress.accept(twins + " twins online; deploying " + INFERENCE + " 9.0.0 (model " + model + ", " + bytes
                + " bytes of artifacts from the " + artifacts.backend().id() + " store)");
        long started = System.nanoTime();
        Rollout rollout = service.deploy("{\"deploymentId\": \"rollout-" + runId + "\", \"components\": {\"" + INFERENCE
                + "\": {\"version\": \"9.0.0\"}}}", things, RolloutPolicy.allAtOnce(Duration.ofMinutes(5)));
        return new Result(rollout, (System.nanoTime() - started) / 1_000_000, bytes);
    }

    /** A finished rollout, how long it took from sending the jobs, and the release's artifact bytes. */
    public record Result(Rollout rollout, long millis, long artifactBytes) {
    }
}
