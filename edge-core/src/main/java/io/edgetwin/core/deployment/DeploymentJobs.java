package io.edgetwin.core.deployment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgetwin.core.document.Document;
import io.edgetwin.core.document.DocumentException;
import io.edgetwin.core.document.DocumentLimits;
import io.edgetwin.core.document.Documents;
import io.edgetwin.core.document.Position;
import io.edgetwin.core.messaging.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs deployment jobs in the style of AWS IoT Jobs: a job execution arrives on
 * {@code edgetwin/<thing>/jobs/notify-next} with the Greengrass deployment document as its
 * {@code jobDocument}; the core reports {@code IN_PROGRESS} on {@code edgetwin/<thing>/jobs/<jobId>/update},
 * applies the document, then reports {@code SUCCEEDED} (outcome {@code SUCCESSFUL}) or {@code FAILED}
 * with the deployment outcome and reason in {@code statusDetails}. Formats: docs/topics.md. Messages are
 * read as the core's plain document tree and updates written with jackson-core's generator: no object
 * mapper is loaded for them.
 */
public final class DeploymentJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentJobs.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String DOCUMENT_PATH = "execution.jobdocument";

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
        Document execution = execution(message);
        Object id = execution == null ? null : field(execution.root(), "execution", "jobId");
        String jobId = id instanceof String || id instanceof Number ? String.valueOf(id) : "";
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

    private static Document execution(byte[] message) {
        try {
            return Documents.json("job message", new String(message, StandardCharsets.UTF_8), DocumentLimits.DEFAULT);
        } catch (DocumentException e) {
            LOG.error("job-dropped reason=\"not JSON: {}\"", e.getMessage());
            return null;
        }
    }

    /**
     * The job document as a deployment document of its own, its positions those in the job message, so
     * an error names the line and column the cloud side sent.
     */
    private static Deployment document(String jobId, Document execution) {
        Object document = field(execution.root(), "execution", "jobDocument");
        if (!(document instanceof Map<?, ?>)) {
            throw new DeploymentException("job " + jobId + ": execution.jobDocument is missing; expected a deployment document");
        }
        Map<String, Position> positions = new HashMap<>();
        execution.positions().forEach((path, at) -> {
            if (path.equals(DOCUMENT_PATH)) {
                positions.put("", at);
            } else if (path.startsWith(DOCUMENT_PATH + ".") || path.startsWith(DOCUMENT_PATH + "[")) {
                positions.put(path.substring(DOCUMENT_PATH.length() + (path.charAt(DOCUMENT_PATH.length()) == '.' ? 1 : 0)), at);
            }
        });
        return new DeploymentReader().read(new Document("job " + jobId, document, positions));
    }

    /** {@code root.<object>.<name>} exactly as AWS IoT Jobs spells them, or null. */
    private static Object field(Object root, String object, String name) {
        return root instanceof Map<?, ?> top && top.get(object) instanceof Map<?, ?> inner ? inner.get(name) : null;
    }

    private void update(String jobId, String status, DeploymentOutcome outcome, String reason) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("jobId", jobId);
            json.writeStringField("status", status);
            json.writeStringField("timestamp", clock.instant().toString());
            json.writeObjectFieldStart("statusDetails");
            if (outcome != null) {
                json.writeStringField("deploymentId", outcome.deploymentId());
                json.writeStringField("deploymentStatus", outcome.status());
                json.writeStringField("reason", reason);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("job update cannot be written", e);
        }
        LOG.info("job-update jobId={} status={}", jobId, status);
        publish.accept(topics.jobUpdate(jobId), out.toByteArray());
    }
}
