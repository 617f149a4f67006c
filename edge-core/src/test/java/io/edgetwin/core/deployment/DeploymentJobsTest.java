package io.edgetwin.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.core.messaging.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DeploymentJobsTest {

    private final List<String> updates = new ArrayList<>();
    private final List<Deployment> applied = new ArrayList<>();

    @Test
    void aJobIsReportedInProgressThenSucceededWithTheOutcome() {
        jobs(d -> DeploymentOutcome.successful(d.deploymentId())).run(job("j-1", "{\"deploymentId\": \"d1\", \"components\": {}}"));

        assertEquals("d1", applied.get(0).deploymentId());
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).startsWith("edgetwin/dev/jobs/j-1/update {\"jobId\":\"j-1\",\"status\":\"IN_PROGRESS\"");
        assertThat(updates.get(1)).contains("\"status\":\"SUCCEEDED\"").contains("\"deploymentStatus\":\"SUCCESSFUL\"");
    }

    @Test
    void aFailedOutcomeFailsTheJobWithTheReason() {
        jobs(d -> DeploymentOutcome.noStateChange(d.deploymentId(), "ARTIFACT_DIGEST_MISMATCH: artifact s3://b/k"))
                .run(job("j-2", "{\"deploymentId\": \"d2\", \"components\": {}}"));

        assertThat(updates.get(1)).contains("\"status\":\"FAILED\"").contains("FAILED_NO_STATE_CHANGE")
                .contains("ARTIFACT_DIGEST_MISMATCH: artifact s3://b/k");
    }

    @Test
    void aJobDocumentThatIsNotADeploymentFailsTheJobAsRejectedAndAppliesNothing() {
        jobs(d -> DeploymentOutcome.successful(d.deploymentId())).run(job("j-3", "{\"components\": 7}"));

        assertThat(applied).isEmpty();
        assertThat(updates.get(1)).contains("\"status\":\"FAILED\"").contains("REJECTED").contains("components");
    }

    @Test
    void anEmptyMessageClearsAFinishedJobAndAMessageWithoutAJobIdIsDropped() {
        DeploymentJobs jobs = jobs(d -> DeploymentOutcome.successful(d.deploymentId()));

        jobs.run(new byte[0]);
        jobs.run("{\"execution\": {\"jobDocument\": {}}}".getBytes(StandardCharsets.UTF_8));
        jobs.run("not json".getBytes(StandardCharsets.UTF_8));

        assertThat(updates).isEmpty();
        assertThat(applied).isEmpty();
    }

    private DeploymentJobs jobs(Function<Deployment, DeploymentOutcome> outcome) {
        return new DeploymentJobs(new Topics("dev"), d -> {
            applied.add(d);
            return outcome.apply(d);
        }, (topic, payload) -> updates.add(topic + " " + new String(payload, StandardCharsets.UTF_8)), Clock.systemUTC());
    }

    private static byte[] job(String id, String document) {
        return ("{\"execution\": {\"jobId\": \"" + id + "\", \"status\": \"QUEUED\", \"jobDocument\": " + document + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
