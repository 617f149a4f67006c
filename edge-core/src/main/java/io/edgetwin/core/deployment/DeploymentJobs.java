package io.edgetwin.core.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.core.messaging.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs deployment jobs in the style of AWS IoT Jobs: a job execution arrives on
 * {@code edgetwin/<thing>/jobs/notify-next} with the Greengrass deployment document as its
 * {@code jobDocument}; the core reports {@code IN_PROGRESS} on {@code edgetwin/<thing>/jobs/<jobId>/update},
 * applies the document, then reports {@code SUCCEEDED} (outcome {@code SUCCESSFUL}) or {@code FAILED}
 * with the deployment outcome and reason in {@code statusDetails}. Formats: docs/topics.md.
 */
public final class DeploymentJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topics topics;
    private final Function<Deployment, DeploymentOutcome> apply;
    private final BiConsumer<String, byte[]> publish;
    private final Clock clock;

    /**
     * @param apply   applies a document and returns its outcome (the caller reports it as usual)
     * @param publish sends a job update to the cloud side, QoS 1
     */
    public DeploymentJobs(Topics topics, Function<Deployment, DeploymentOutcome> apply, BiConsumer<String, byte[]> publish,
                          Clock clock) {
        this.topics = topics;
        this.apply = apply;
        this.publish = publish;
        this.clock = clock;
    }

    /**
     * Runs one job execution message to its end; a message without a job id is logged and dropped. An
     * empty message is the cloud side clearing a finished job: nothing to do.
     */
    public void run(byte[] message) {
        if (message.length == 0) {
            return;
        }
        JsonNode execution = execution(message);
        String jobId = execution == null ? "" : execution.path("jobId").asText("");
        if (!jobId.matches("[A-Za-z0-9_.-]{1,64}")) {
            LOG.error("job-dropped reason=\"no jobId of 1-64 letters, digits, '-', '_' or '.'\" jobId={}", jobId);
            return;
        }
        update(jobId, "IN_PROGRESS", null, "");
        DeploymentOutcome outcome;
        try {
            outcome = apply.apply(document(jobId, execution));
        } catch (DeploymentException e) {
            update(jobId, "FAILED", new DeploymentOutcome("unknown", "REJECTED", e.getMessage()), e.getMessage());
            return;
        }
        boolean ok = outcome.status().equals("SUCCESSFUL");
        update(jobId, ok ? "SUCCEEDED" : "FAILED", outcome, outcome.reason());
    }

    private static JsonNode execution(byte[] message) {
        try {
            JsonNode root = JSON.readTree(message);
            return root == null ? null : root.get("execution");
        } catch (IOException e) {
            LOG.error("job-dropped reason=\"not JSON: {}\"", e.getMessage());
            return null;
        }
    }

    private static Deployment document(String jobId, JsonNode execution) {
        JsonNode document = execution.get("jobDocument");
        if (document == null || !document.isObject()) {
            throw new DeploymentException("job " + jobId + ": execution.jobDocument is missing; expected a deployment document");
        }
        return new DeploymentReader().parse("job " + jobId, document.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void update(String jobId, String status, DeploymentOutcome outcome, String reason) {
        ObjectNode update = JSON.createObjectNode().put("jobId", jobId).put("status", status)
                .put("timestamp", clock.instant().toString());
        ObjectNode details = update.putObject("statusDetails");
        if (outcome != null) {
            details.put("deploymentId", outcome.deploymentId()).put("deploymentStatus", outcome.status()).put("reason", reason);
        }
        LOG.info("job-update jobId={} status={}", jobId, status);
        publish.accept(topics.jobUpdate(jobId), update.toString().getBytes(StandardCharsets.UTF_8));
    }
}
