package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.cloud.ArtifactBackend;
import io.edgetwin.simulator.cloud.ArtifactStore;
import io.edgetwin.simulator.cloud.ComponentPublisher;
import io.edgetwin.simulator.cloud.DeploymentService;
import io.edgetwin.simulator.cloud.JobStatus;
import io.edgetwin.simulator.cloud.ModelRelease;
import io.edgetwin.simulator.cloud.RolloutPolicy;
import io.edgetwin.simulator.cloud.StoredArtifact;
import io.edgetwin.simulator.cloud.TwinJob;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.run.RunDirectory;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A model release through the cloud side on a real twin: artifacts in S3 (embedded s3proxy, and
 * LocalStack when its image is on this machine), deployed as a job over MQTT; a candidate whose
 * artifact lost one byte fails its digest check and the baseline keeps serving.
 */
class ArtifactDeploymentIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final String INFERENCE = "com.edgetwin.Inference";
    private static final RolloutPolicy POLICY = RolloutPolicy.allAtOnce(Duration.ofMinutes(2));

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        Collections.reverse(started);
        for (AutoCloseable resource : started) {
            resource.close();
        }
        assertThat(Leftovers.containers()).as("no edgetwin container is left over").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ArtifactBackend.class)
    void aCandidateWithOneCorruptByteFailsItsDigestCheckAndTheBaselineKeepsServing(ArtifactBackend backend)
            throws Exception {
        assumeTrue(backend == ArtifactBackend.EMBEDDED || ArtifactStore.localStackImage().isPresent(),
                "skipped: no local localstack/localstack image (`docker images localstack/localstack` is empty; "
                        + "no registry is reachable to pull one)");
        TwinImage image = new TwinImage(HOME);
        String imageRef = image.ensureBuilt(line -> { });
        ArtifactStore store = open(ArtifactStore.start(backend, runId));
        ComponentPublisher publisher = new ComponentPublisher(store, image.recipes(), image.models());
        publisher.publish(new ModelRelease(INFERENCE, "1.0.0", "1.1.0", "anomaly-mlp"));
        List<StoredArtifact> candidate = publisher.publish(new ModelRelease(INFERENCE, "1.0.0", "2.0.0", "anomaly-mlp-x4"));
        StoredArtifact weights = candidate.stream().filter(a -> a.uri().endsWith(".params")).findFirst().orElseThrow();
        flipOneByte(store, weights);

        RunDirectory dir = open(RunDirectory.create(runId));
        Mosquitto broker = open(Mosquitto.start(dir.path(), Duration.ofSeconds(10)));
        BrokerClient client = open(new BrokerClient(broker.uri(), "artifact-it-" + runId));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, tracker::accept);
        DeploymentService service = new DeploymentService(client, tracker, Clock.systemUTC());
        String thing = "release-" + backend.id() + "-" + runId;
        long bytes = 768L * 1024 * 1024;
        open(DeviceTwin.start(new TwinSpec(thing, imageRef, new DeviceSpec(bytes, bytes, 1.0, 512), broker.uri(),
                "{\"deploymentId\": \"empty\", \"components\": {}}", runId, store.twinEnvironment())));

        TwinJob baseline = service.deploy(document("baseline", "1.1.0"), List.of(thing), POLICY).job(thing);
        assertEquals(JobStatus.SUCCEEDED, baseline.status(), baseline.reason());
        assertEquals("SUCCESSFUL", baseline.deploymentStatus());
        tracker.await(thing, s -> s.isReady(INFERENCE), Duration.ofMinutes(1));

        TwinJob failed = service.deploy(document("candidate", "2.0.0"), List.of(thing), POLICY).job(thing);

        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("FAILED_NO_STATE_CHANGE", failed.deploymentStatus());
        assertThat(failed.reason()).startsWith("ARTIFACT_DIGEST_MISMATCH: artifact " + weights.uri() + " of "
                + INFERENCE + " 2.0.0: expected SHA-256 " + weights.digest());
        TwinStatus after = tracker.await(thing, s -> "candidate".equals(s.deployment().id()), Duration.ofSeconds(10));
        TwinStatus.Component inference = after.components().get(INFERENCE);
        assertEquals("1.1.0", inference.version(), "the baseline still runs");
        assertEquals("RUNNING", inference.state());
        assertThat(answer(client, thing)).as("the baseline still answers").contains("inference-results");
        assertThat(service.fleet()).singleElement().satisfies(twin -> {
            assertEquals(JobStatus.FAILED, twin.job().orElseThrow().status());
            assertEquals("RUNNING", twin.componentStates().get(INFERENCE));
            assertThat(twin.lastSeen()).isPresent();
        });
    }

    private static void flipOneByte(ArtifactStore store, StoredArtifact artifact) {
        String key = artifact.uri().substring(("s3://" + ArtifactStore.BUCKET + "/").length());
        byte[] content = store.client().getObjectAsBytes(GetObjectRequest.builder().bucket(ArtifactStore.BUCKET).key(key)
                .build()).asByteArray();
        content[content.length / 2] ^= 0x01;
        store.client().putObject(PutObjectRequest.builder().bucket(ArtifactStore.BUCKET).key(key).build(),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
    }

    private static String document(String id, String version) {
        return """
                {"deploymentId": "%s", "failureHandlingPolicy": "ROLLBACK", "components": {
                  "com.edgetwin.Inference": {"version": "%s"}}}""".formatted(id, version);
    }

    private static String answer(BrokerClient client, String thing) throws InterruptedException {
        BlockingQueue<String> answers = new ArrayBlockingQueue<>(4);
        client.subscribe("edgetwin/" + thing + "/inference/response", 1,
                (topic, payload) -> answers.offer(new String(payload, StandardCharsets.UTF_8)));
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 128; i++) {
            input.append(i == 0 ? "" : ",").append(i % 7 * 0.1);
        }
        client.publish("edgetwin/" + thing + "/inference/request",
                ("{\"id\": \"after-failure\", \"input\": [" + input + "]}").getBytes(StandardCharsets.UTF_8), 1);
        String answer = answers.poll(20, TimeUnit.SECONDS);
        return answer == null ? "no answer within 20 s" : answer;
    }

    private <T extends AutoCloseable> T open(T resource) {
        started.add(resource);
        return resource;
    }
}
