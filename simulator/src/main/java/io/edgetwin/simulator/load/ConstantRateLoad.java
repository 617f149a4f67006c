package io.edgetwin.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.broker.BrokerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open workload at a constant rate: request {@code i} is due at {@code start + i × period}, and its
 * latency counts from that intended time, so a stalled twin cannot hide its backlog (coordinated
 * omission). Requests go round-robin to the twins, the inputs are the model's held-out samples in an
 * order drawn from the seed. The warm-up is sent the same way but not measured.
 */
public final class ConstantRateLoad {

    /** A request sent later than this after its intended time is counted as late. */
    public static final Duration LATE_AFTER = Duration.ofMillis(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final BrokerClient broker;
    private final List<String> things;
    private final List<Sample> samples;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong correct = new AtomicLong();
    private final AtomicLong unknownAnswers = new AtomicLong();

    public ConstantRateLoad(BrokerClient broker, List<String> things, List<Sample> samples, long seed) {
        this.broker = broker;
        this.things = List.copyOf(things);
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(seed));
        this.samples = List.copyOf(shuffled);
        things.forEach(thing -> broker.subscribe("edgetwin/" + thing + "/inference/response", 1, this::onResponse));
    }

    /** Sends the warm-up, then the measured requests; waits up to {@code drain} for the last answers. */
    public LoadResult run(double ratePerSecond, Duration warmup, Duration duration, Duration drain, Progress progress) {
        long period = Math.round(1e9 / ratePerSecond);
        long warmupCount = warmup.toNanos() / period;
        long measuredCount = Math.max(1, duration.toNanos() / period);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long late = 0;
        long nextProgress = start + warmupCount * period + TimeUnit.SECONDS.toNanos(1);
        Histogram total = new Histogram(MAX_LATENCY_NANOS, 3);
        for (long i = 0; i < warmupCount + measuredCount; i++) {
            long intended = start + i * period;
            parkUntil(intended);
            boolean measured = i >= warmupCount;
            send(i, intended, measured);
            if (measured && System.nanoTime() - intended > LATE_AFTER.toNanos()) {
                late++;
            }
            if (measured && System.nanoTime() >= nextProgress) {
                Histogram interval = recorder.getIntervalHistogram();
                total.add(interval);
                progress.update(Duration.ofNanos(System.nanoTime() - start - warmupCount * period), i - warmupCount + 1,
                        ok.get(), failed.get(), interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99));
                nextProgress += TimeUnit.SECONDS.toNanos(1);
            }
        }
        awaitAnswers(drain);
        long unanswered = inFlight.values().stream().filter(InFlight::measured).count();
        inFlight.clear();
        total.add(recorder.getIntervalHistogram());
        return new LoadResult(measuredCount, ok.get(), failed.get() + unanswered, late, correct.get(), total,
                Duration.ofNanos(measuredCount * period));
    }

    /** Answers that matched no request in flight (late duplicates, answers to someone else's requests). */
    public long unknownAnswers() {
        return unknownAnswers.get();
    }

    private void send(long sequence, long intendedNanos, boolean measured) {
        Sample sample = samples.get((int) (sequence % samples.size()));
        String thing = things.get((int) (sequence % things.size()));
        inFlight.put(sequence, new InFlight(intendedNanos, sample.label(), measured));
        String request = "{\"id\":\"" + sequence + "\",\"input\":" + sample.inputJson() + "}";
        broker.publish("edgetwin/" + thing + "/inference/request", request.getBytes(StandardCharsets.UTF_8), 1);
    }

    private void onResponse(String topic, byte[] payload) {
        long now = System.nanoTime();
        JsonNode answer;
        try {
            answer = JSON.readTree(payload);
        } catch (IOException e) {
            unknownAnswers.incrementAndGet();
            return;
        }
        InFlight request = sequence(answer).map(inFlight::remove).orElse(null);
        if (request == null) {
            unknownAnswers.incrementAndGet();
            return;
        }
        if (!request.measured()) {
            return;
        }
        JsonNode results = answer.path("inference-results");
        if (answer.has("error") || !results.isArray() || results.isEmpty()) {
            failed.incrementAndGet();
            return;
        }
        recorder.recordValue(Math.min(now - request.intendedNanos(), MAX_LATENCY_NANOS));
        ok.incrementAndGet();
        if (request.expectedLabel().equals(results.get(0).path("Label").asText())) {
            correct.incrementAndGet();
        }
    }

    private static java.util.Optional<Long> sequence(JsonNode answer) {
        try {
            return java.util.Optional.of(Long.parseLong(answer.path("id").asText()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private void awaitAnswers(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight.values().stream().anyMatch(InFlight::measured) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static void parkUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private record InFlight(long intendedNanos, String expectedLabel, boolean measured) {
    }

    /** Called about once a second while measuring. */
    @FunctionalInterface
    public interface Progress {
        void update(Duration elapsed, long sent, long ok, long failed, long intervalP99Nanos);
    }
}
