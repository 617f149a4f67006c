package io.edgetwin.simulator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.measure.StatusTracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Deploys Greengrass cloud deployment documents (REFERENCE §2) to twins the way AWS IoT Jobs carries
 * them: one job per twin, sent on {@code edgetwin/<thing>/jobs/notify-next}, its status followed on
 * {@code edgetwin/<thing>/jobs/<jobId>/update} (QUEUED → IN_PROGRESS → SUCCEEDED or FAILED). A group
 * is deployed all at once or in waves; a wave with a failure stops the rollout when the policy says so.
 * A job is published retained, so a twin that connects or subscribes later still gets it (as IoT Jobs
 * keeps a job QUEUED until its device asks); the retained message is cleared once the job is final.
 * Also keeps the fleet view: each twin's latest job, its components' states and when it was last seen.
 */
public final class DeploymentService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiConsumer<String, byte[]> publish;
    private final StatusTracker tracker;
    private final Clock clock;
    private final Map<String, TwinJob> latest = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final AtomicLong jobs = new AtomicLong();
    private final Object changed = new Object();

    /** Subscribes to every twin's job updates and status on the broker {@code client} talks to. */
    public DeploymentService(BrokerClient client, StatusTracker tracker, Clock clock) {
        this((topic, payload) -> client.publishRetained(topic, payload, 1), tracker, clock);
        client.subscribe("edgetwin/+/jobs/+/update", 1, this::update);
        client.subscribe("edgetwin/+/status", 0, this::seen);
    }

    /**
     * A service that sends jobs with {@code publish} (retained, QoS 1; an empty payload clears the
     * retained job); the caller routes job updates to
     * {@link #update} and status messages to {@link #seen}.
     */
    DeploymentService(BiConsumer<String, byte[]> publish, StatusTracker tracker, Clock clock) {
        this.publish = publish;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** A status message arrived on {@code edgetwin/<thing>/status}: the twin was seen now. */
    void seen(String topic, byte[] payload) {
        lastSeen.put(topic.split("/")[1], clock.instant());
    }

    /**
     * Sends {@code document} to {@code things} as jobs and waits for each wave's outcome.
     *
     * @throws CloudException when the document has no {@code deploymentId}
     */
    public Rollout deploy(String document, List<String> things, RolloutPolicy policy) throws InterruptedException {
        JsonNode parsed = parse(document);
        String deploymentId = parsed.path("deploymentId").asText("");
        if (deploymentId.isEmpty()) {
            throw new CloudException("the deployment document has no deploymentId; every job names the deployment it carries");
        }
        int size = policy.waveSize() == 0 ? things.size() : policy.waveSize();
        List<TwinJob> done = new ArrayList<>();
        for (int from = 0; from < things.size(); from += size) {
            List<String> wave = things.subList(from, Math.min(things.size(), from + size));
            wave.forEach(thing -> send(thing, deploymentId, parsed));
            List<TwinJob> outcomes = await(wave, policy);
            done.addAll(outcomes);
            if (policy.stopOnFailure() && outcomes.stream().anyMatch(j -> j.status() != JobStatus.SUCCEEDED)) {
                things.subList(from + wave.size(), things.size()).forEach(thing -> done.add(cancel(thing, deploymentId)));
                break;
            }
        }
        return new Rollout(deploymentId, done);
    }

    /** Every twin the service has sent a job to or heard from, by thing name. */
    public List<FleetTwin> fleet() {
        Map<String, FleetTwin> fleet = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(latest.keySet());
        lastSeen.keySet().stream().filter(t -> !latest.containsKey(t)).forEach(names::add);
        names.stream().sorted().forEach(thing -> fleet.put(thing, new FleetTwin(thing, Optional.ofNullable(latest.get(thing)),
                tracker.latest(thing).map(s -> s.components().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().state()))).orElse(Map.of()),
                Optional.ofNullable(lastSeen.get(thing)))));
        return List.copyOf(fleet.values());
    }

    private void send(String thing, String deploymentId, JsonNode document) {
        Instant now = clock.instant();
        String jobId = jobId(deploymentId);
        latest.put(thing, new TwinJob(thing, jobId, deploymentId, JobStatus.QUEUED, "", "", now, now));
        ObjectNode execution = JSON.createObjectNode();
        execution.putObject("execution").put("jobId", jobId).put("thingName", thing).put("status", "QUEUED")
                .put("queuedAt", now.toString()).put("versionNumber", 1).set("jobDocument", document);
        publish.accept("edgetwin/" + thing + "/jobs/notify-next", execution.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Job ids are at most 64 characters of letters, digits, '-', '_' and '.', as in IoT Jobs. */
    private String jobId(String deploymentId) {
        String safe = deploymentId.replaceAll("[^A-Za-z0-9_.-]", "_");
        String suffix = "-" + jobs.incrementAndGet();
        return safe.substring(0, Math.min(safe.length(), 64 - suffix.length())) + suffix;
    }

    private List<TwinJob> await(List<String> wave, RolloutPolicy policy) throws InterruptedException {
        long deadline = System.nanoTime() + policy.jobTimeout().toNanos();
        synchronized (changed) {
            while (!wave.stream().allMatch(t -> latest.get(t).status().isFinal())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
        }
        List<TwinJob> outcomes = new ArrayList<>();
        for (String thing : wave) {
            outcomes.add(latest.computeIfPresent(thing, (t, job) -> job.status().isFinal() ? job
                    : job.with(JobStatus.TIMED_OUT, "", "no final job status within " + policy.jobTimeout().toSeconds()
                    + " s (last: " + job.status() + ")", clock.instant())));
        }
        return outcomes;
    }

    private TwinJob cancel(String thing, String deploymentId) {
        Instant now = clock.instant();
        TwinJob job = new TwinJob(thing, "", deploymentId, JobStatus.CANCELED, "", "the rollout stopped at an earlier failure",
                now, now);
        latest.put(thing, job);
        return job;
    }

    /** A job update arrived on {@code edgetwin/<thing>/jobs/<jobId>/update}. */
    void update(String topic, byte[] payload) {
        String[] levels = topic.split("/");
        JsonNode update;
        try {
            update = JSON.readTree(payload);
        } catch (IOException e) {
            return;
        }
        String thing = levels[1];
        String jobId = levels[3];
        JobStatus status;
        try {
            status = JobStatus.valueOf(update.path("status").asText(""));
        } catch (IllegalArgumentException e) {
            return;
        }
        JsonNode details = update.path("statusDetails");
        TwinJob now = latest.computeIfPresent(thing, (t, job) -> !job.jobId().equals(jobId) || job.status().isFinal() ? job
                : job.with(status, details.path("deploymentStatus").asText(""), details.path("reason").asText(""),
                clock.instant()));
        if (now != null && now.jobId().equals(jobId) && status.isFinal()) {
            publish.accept("edgetwin/" + thing + "/jobs/notify-next", new byte[0]);
        }
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static JsonNode parse(String document) {
        try {
            JsonNode node = JSON.readTree(document);
            if (node == null || !node.isObject()) {
                throw new CloudException("the deployment document is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new CloudException("the deployment document is not JSON: " + e.getMessage(), e);
        }
    }
}
