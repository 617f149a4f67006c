package io.edgetwin.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.measure.StatusTracker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Rollouts against hand-written cores that answer jobs the way the edge core does (docs/topics.md). */
class DeploymentServiceTest {

    private static final String DOCUMENT = "{\"deploymentId\": \"release-2\", \"components\": {}}";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> sentTo = new CopyOnWriteArrayList<>();
    private final List<JsonNode> pending = new CopyOnWriteArrayList<>();
    private final List<String> cleared = new CopyOnWriteArrayList<>();
    private DeploymentService service;

    @Test
    void allAtOnceSendsEveryJobBeforeWaitingForAny() throws Exception {
        service = new DeploymentService((topic, payload) -> {
            if (payload.length == 0) {
                return;
            }
            received(topic, payload);
            if (pending.size() == 3) {
                pending.forEach(job -> answer(job, "SUCCEEDED", "SUCCESSFUL", ""));
            }
        }, new StatusTracker(), Clock.systemUTC());

        Rollout rollout = service.deploy(DOCUMENT, List.of("a", "b", "c"), RolloutPolicy.allAtOnce(TIMEOUT));

        assertThat(rollout.succeeded()).isTrue();
        assertThat(rollout.jobs()).extracting(TwinJob::deploymentStatus).containsOnly("SUCCESSFUL");
    }

    @Test
    void aFailureInTheFirstWaveCancelsTheLaterWavesWithoutSendingThem() throws Exception {
        Set<String> failing = Set.of("b");
        service = new DeploymentService((topic, payload) -> {
            if (payload.length == 0) {
                return;
            }
            JsonNode job = received(topic, payload);
            String thing = job.path("thingName").asText();
            answer(job, "IN_PROGRESS", "", "");
            answer(job, failing.contains(thing) ? "FAILED" : "SUCCEEDED",
                    failing.contains(thing) ? "FAILED_NO_STATE_CHANGE" : "SUCCESSFUL",
                    failing.contains(thing) ? "ARTIFACT_DIGEST_MISMATCH: artifact s3://x/y" : "");
        }, new StatusTracker(), Clock.systemUTC());

        Rollout rollout = service.deploy(DOCUMENT, List.of("a", "b", "c", "d"), RolloutPolicy.inWaves(2, TIMEOUT));

        assertThat(sentTo).containsExactly("a", "b");
        assertThat(rollout.jobs()).extracting(TwinJob::status)
                .containsExactly(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELED, JobStatus.CANCELED);
        assertEquals("ARTIFACT_DIGEST_MISMATCH: artifact s3://x/y", rollout.job("b").reason());
        assertThat(rollout.succeeded()).isFalse();
    }

    @Test
    void aTwinThatNeverAnswersTimesOutAndTheOthersStillCount() throws Exception {
        service = new DeploymentService((topic, payload) -> {
            if (payload.length == 0) {
                cleared.add(topic);
                return;
            }
            JsonNode job = received(topic, payload);
            if (!job.path("thingName").asText().equals("silent")) {
                answer(job, "SUCCEEDED", "SUCCESSFUL", "");
            }
        }, new StatusTracker(), Clock.systemUTC());

        Rollout rollout = service.deploy(DOCUMENT, List.of("ok", "silent"), RolloutPolicy.allAtOnce(Duration.ofMillis(300)));

        assertEquals(JobStatus.SUCCEEDED, rollout.job("ok").status());
        assertEquals(JobStatus.TIMED_OUT, rollout.job("silent").status());
        assertThat(rollout.job("silent").reason()).contains("no final job status").contains("QUEUED");
        assertThat(cleared).as("a finished job is cleared; a pending one stays for the twin to pick up")
                .containsExactly("edgetwin/ok/jobs/notify-next");
    }

    @Test
    void theFleetViewHoldsEachTwinsLatestJobAndWhenItWasLastSeen() throws Exception {
        service = new DeploymentService((topic, payload) -> {
            if (payload.length > 0) {
                answer(received(topic, payload), "SUCCEEDED", "SUCCESSFUL", "");
            }
        }, new StatusTracker(), Clock.systemUTC());
        service.seen("edgetwin/a/status", new byte[0]);

        service.deploy(DOCUMENT, List.of("a"), RolloutPolicy.allAtOnce(TIMEOUT));

        assertThat(service.fleet()).singleElement().satisfies(twin -> {
            assertEquals("a", twin.thing());
            assertEquals("release-2", twin.job().orElseThrow().deploymentId());
            assertEquals(JobStatus.SUCCEEDED, twin.job().orElseThrow().status());
            assertThat(twin.lastSeen()).isPresent();
        });
    }

    private JsonNode received(String topic, byte[] payload) {
        try {
            JsonNode execution = JSON.readTree(payload).path("execution");
            assertEquals("edgetwin/" + execution.path("thingName").asText() + "/jobs/notify-next", topic);
            assertEquals("release-2", execution.at("/jobDocument/deploymentId").asText());
            sentTo.add(execution.path("thingName").asText());
            pending.add(execution);
            return execution;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void answer(JsonNode job, String status, String outcome, String reason) {
        String update = JSON.createObjectNode().put("jobId", job.path("jobId").asText()).put("status", status)
                .set("statusDetails", JSON.createObjectNode().put("deploymentStatus", outcome).put("reason", reason))
                .toString();
        service.update("edgetwin/" + job.path("thingName").asText() + "/jobs/" + job.path("jobId").asText() + "/update",
                update.getBytes(StandardCharsets.UTF_8));
    }
}
