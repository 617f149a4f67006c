package io.edgetwin.inference;

import io.edgetwin.core.document.PlainJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Answers inference requests with one {@link Classifier}: every valid request of a list goes
 * through the network in one forward pass, and every request gets its own answer, in the order of
 * the list (docs/topics.md has the JSON).
 *
 * <p>A malformed request (not JSON, no {@code input}, a non-number, the wrong length) gets an answer
 * with {@code error} and takes no part in the batch. {@code inferenceMicros} is the time of the
 * forward pass the request was part of. Requests and answers are plain trees ({@link PlainJson}): no
 * jackson-databind on the request path. Not thread-safe: the classifier is thread-confined.
 */
final class Responder {

    /**
     * One request as it came in: {@code payload} is the message as a plain tree (maps, lists, text,
     * numbers), null when the message was not JSON.
     */
    record Request(String source, Object payload) {
        Request {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The answer to a request (a plain tree, keys in the order they are written), to go back to where the request came from. */
    record Reply(String source, Map<String, Object> answer) {}

    static final int MAX_RESULTS = 5;

    private final Classifier classifier;
    private final Clock clock;
    private final LongSupplier nanoTicker;

    Responder(Classifier classifier, Clock clock, LongSupplier nanoTicker) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    }

    /** One reply per request, in the same order. */
    List<Reply> answer(List<Request> requests) {
        List<Map<String, Object>> answers = new ArrayList<>(requests.size());
        List<float[]> inputs = new ArrayList<>(requests.size());
        List<Map<String, Object>> pending = new ArrayList<>(requests.size());
        for (Request request : requests) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answers.add(answer);
            try {
                inputs.add(input(request.payload(), answer));
                pending.add(answer);
            } catch (IllegalArgumentException e) {
                answer.put("error", e.getMessage());
            }
        }
        if (!inputs.isEmpty()) {
            predict(inputs, pending);
        }
        List<Reply> replies = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            replies.add(new Reply(requests.get(i).source(), answers.get(i)));
        }
        return replies;
    }

    private void predict(List<float[]> inputs, List<Map<String, Object>> answers) {
        long startNanos = nanoTicker.getAsLong();
        List<Prediction> predictions;
        try {
            predictions = inputs.size() == 1 ? List.of(classifier.predict(inputs.get(0))) : classifier.predictBatch(inputs);
        } catch (IllegalArgumentException | IllegalStateException e) {
            answers.forEach(answer -> answer.put("error", e.getMessage()));
            return;
        }
        long micros = (nanoTicker.getAsLong() - startNanos) / 1_000;
        String timestamp = clock.instant().toString();
        for (int i = 0; i < answers.size(); i++) {
            result(answers.get(i), predictions.get(i), micros, timestamp);
        }
    }

    private void result(Map<String, Object> answer, Prediction prediction, long inferenceMicros, String timestamp) {
        ModelManifest manifest = classifier.manifest();
        answer.put("timestamp", timestamp);
        answer.put("inference-type", manifest.task());
        answer.put("inference-description", manifest.subject() + " " + manifest.name());
        List<Map<String, Object>> results = new ArrayList<>(MAX_RESULTS);
        prediction.ranked().stream().limit(MAX_RESULTS).forEach(score -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("Label", score.label());
            result.put("Score", String.format(Locale.ROOT, "%.4f", score.score()));
            results.add(result);
        });
        answer.put("inference-results", results);
        answer.put("inferenceMicros", inferenceMicros);
    }

    /** The request's input, checked against the model; copies the request's id into {@code answer}. */
    private float[] input(Object request, Map<String, Object> answer) {
        if (request == null) {
            throw new IllegalArgumentException("request is not JSON; expected {\"id\": ..., \"input\": ["
                    + inputLength() + " numbers]}");
        }
        Map<?, ?> fields = request instanceof Map<?, ?> map ? map : Map.of();
        if (fields.containsKey("id")) {
            answer.put("id", fields.get("id"));
        }
        if (!(fields.get("input") instanceof List<?> values)) {
            throw new IllegalArgumentException("input is missing; expected an array of " + inputLength() + " numbers");
        }
        float[] input = new float[values.size()];
        for (int i = 0; i < input.length; i++) {
            if (!(values.get(i) instanceof Number value)) {
                throw new IllegalArgumentException("input[" + i + "] is " + PlainJson.write(values.get(i)) + "; expected a number");
            }
            input[i] = value.floatValue();
        }
        classifier.checkInput(input);
        return input;
    }

    private int inputLength() {
        return classifier.manifest().inputLength();
    }
}
