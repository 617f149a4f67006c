package io.edgetwin.simulator.cloud;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.scenario.ArtifactSettings;
import io.edgetwin.simulator.scenario.Release;
import io.edgetwin.simulator.twin.TwinImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cloud side of one scenario run: starts the artifact store, publishes the scenario's releases,
 * and deploys each twin's document as a job, so twins start empty and get their components the way a
 * rollout would deliver them.
 */
public final class CloudRun implements AutoCloseable {

    /** What a twin applies at start when its components come by deployment job. */
    public static final String EMPTY_DEPLOYMENT = "{\"deploymentId\": \"empty\", \"components\": {}}";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    private final ArtifactStore store;
    private final DeploymentService deployments;
    private final Consumer<String> progress;

    private CloudRun(ArtifactStore store, DeploymentService deployments, Consumer<String> progress) {
        this.store = store;
        this.deployments = deployments;
        this.progress = progress;
    }

    public static CloudRun start(ArtifactSettings settings, TwinImage image, String runId, BrokerClient client,
                                 StatusTracker tracker, Consumer<String> progress) {
        ArtifactBackend backend = ArtifactStore.choose(settings.store());
        ArtifactStore store = ArtifactStore.start(backend, runId);
        progress.accept("artifact store: " + backend.id() + " S3 at " + store.endpoint().uri() + ", bucket "
                + ArtifactStore.BUCKET);
        try {
            ComponentPublisher publisher = new ComponentPublisher(store, image.recipes(), image.models());
            for (Release r : settings.releases()) {
                List<StoredArtifact> artifacts = publisher.publish(new ModelRelease(r.component(), r.from(), r.version(), r.model(), r.modelDir()));
                progress.accept("released " + r.component() + " " + r.version() + " (model " + r.model() + "): "
                        + artifacts.size() + " artifacts, " + artifacts.stream().mapToLong(StoredArtifact::sizeBytes).sum()
                        + " bytes");
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new CloudRun(store, new DeploymentService(client, tracker, Clock.systemUTC()), progress);
    }

    public ArtifactBackend backend() {
        return store.backend();
    }

    public Map<String, String> twinEnvironment() {
        return store.twinEnvironment();
    }

    /**
     * Deploys {@code document} to one twin as a job and waits for its outcome.
     *
     * @throws CloudException with the core's reason when the job did not succeed
     */
    public TwinJob deploy(String document, String thing) throws InterruptedException {
        long started = System.nanoTime();
        TwinJob job = deployments.deploy(document, List.of(thing), RolloutPolicy.allAtOnce(JOB_TIMEOUT)).job(thing);
        progress.accept("deployment " + job.deploymentId() + " to " + thing + ": job " + job.status() + ", outcome "
                + job.deploymentStatus() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new CloudException("deployment " + job.deploymentId() + " to twin " + thing + " did not succeed: job "
                    + job.status() + ", outcome " + job.deploymentStatus() + ": " + job.reason());
        }
        return job;
    }

    /** Every twin's job, component states and last-seen time. */
    public List<FleetTwin> fleet() {
        return deployments.fleet();
    }

    /** Prints the fleet view, one line per twin, for the end of a run. */
    public void reportFleet() {
        progress.accept("fleet (artifact store " + backend().id() + "):");
        for (FleetTwin twin : fleet()) {
            progress.accept("  " + twin.thing() + ": " + twin.job().map(j -> "deployment " + j.deploymentId() + " job "
                    + j.status() + " outcome " + j.deploymentStatus()).orElse("no job") + ", components "
                    + twin.componentStates() + ", last seen " + twin.lastSeen().map(Object::toString).orElse("never"));
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
