package io.edgetwin.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.BrokerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests as QoS 1 publishes on {@code edgetwin/<thing>/inference/request}, answers from
 * {@code edgetwin/<thing>/inference/response} (docs/topics.md); an inference component configured with
 * another {@code topic} (a second model on the twin) is reached on {@code edgetwin/<thing>/<topic>/...}.
 */
public final class MqttTransport implements Transport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerClient broker;
    private final List<String> things;
    private final String topic;
    private final AtomicLong unknownAnswers = new AtomicLong();
    private final AtomicLong lastSentId = new AtomicLong(-1);
    private volatile Answers answers;
    private volatile AnswerWatch watch = (twin, id, ok, receivedNanos) -> { };
    private volatile AnswerTimes times = (receivedNanos, ok, networkMicros, inferenceMicros) -> { };

    /**
     * Told of the times every answer carries ({@code networkMicros} from a cloud placement's forwarder,
     * {@code inferenceMicros} from the model; 0 when absent), on the broker client's thread.
     */
    @FunctionalInterface
    public interface AnswerTimes {
        void timed(long receivedNanos, boolean ok, long networkMicros, long inferenceMicros);
    }

    /** Told of every answer of a twin (index), on the broker client's thread, e.g. to time a recovery. */
    @FunctionalInterface
    public interface AnswerWatch {
        void answered(int twin, long id, boolean ok, long receivedNanos);
    }

    public MqttTransport(BrokerClient broker, List<String> things) {
        this(broker, things, "inference");
    }

    /** @param topic the component's topic segment: {@code inference}, or its configured {@code topic} */
    public MqttTransport(BrokerClient broker, List<String> things, String topic) {
        this.broker = broker;
        this.things = List.copyOf(things);
        this.topic = topic;
    }

    @Override
    public int twins() {
        return things.size();
    }

    /** Subscribes on the first call; later calls (a new driver for the next slice) only redirect the answers. */
    @Override
    public synchronized void start(Answers answers) {
        boolean first = this.answers == null;
        this.answers = answers;
        if (first) {
            for (int i = 0; i < things.size(); i++) {
                int twin = i;
                broker.subscribe("edgetwin/" + things.get(i) + "/" + topic + "/response", 1,
                        (topic, payload) -> onResponse(twin, payload, this.answers));
            }
        }
    }

    /** Hands every answer to {@code watch} too (one watch at a time). */
    public void watchAnswers(AnswerWatch answerWatch) {
        this.watch = answerWatch;
    }

    /** Hands every answer's times to {@code answerTimes} too (one at a time). */
    public void watchTimes(AnswerTimes answerTimes) {
        this.times = answerTimes;
    }

    /**
     * The highest request id handed to the broker so far (-1 before any); ids grow in send order, so an
     * answer to a larger id answers a request sent after this call.
     */
    public long lastSentId() {
        return lastSentId.get();
    }

    @Override
    public boolean send(int twin, long id, Sample sample) {
        String request = "{\"id\":\"" + id + "\",\"input\":" + sample.inputJson() + "}";
        try {
            broker.publish("edgetwin/" + things.get(twin) + "/" + topic + "/request", request.getBytes(StandardCharsets.UTF_8), 1);
            lastSentId.accumulateAndGet(id, Math::max);
            return true;
        } catch (BrokerException e) {
            return false;
        }
    }

    /** Answers that were not JSON or carried no request id. */
    public long unknownAnswers() {
        return unknownAnswers.get();
    }

    private void onResponse(int twin, byte[] payload, Answers answers) {
        long now = System.nanoTime();
        try {
            JsonNode answer = JSON.readTree(payload);
            long id = Long.parseLong(answer.path("id").asText());
            JsonNode results = answer.path("inference-results");
            boolean ok = !answer.has("error") && results.isArray() && !results.isEmpty();
            answers.answered(id, ok ? results.get(0).path("Label").asText() : null, now);
            watch.answered(twin, id, ok, now);
            times.timed(now, ok, answer.path("networkMicros").asLong(0), answer.path("inferenceMicros").asLong(0));
        } catch (IOException | NumberFormatException e) {
            unknownAnswers.incrementAndGet();
        }
    }
}
