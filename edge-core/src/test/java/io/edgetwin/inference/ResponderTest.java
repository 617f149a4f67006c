package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.core.document.PlainJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T13:10:02.100Z"), ZoneOffset.UTC);

    /** Each reading advances 250 µs: one forward pass measures exactly 250. */
    private final AtomicLong ticker = new AtomicLong();
    private final Classifier cnn = Classifier.load(TrainedModels.dir("defect-cnn"));
    private final Responder responder = new Responder(cnn, CLOCK, () -> ticker.getAndAdd(250_000));

    @AfterEach
    void close() {
        cnn.close();
    }

    @Test
    void answerCarriesTheIdAndEveryLabelRankedAsGreengrassDoes() {
        float[] image = PartImages.seeded(TrainedModels.EVALUATION_SEED).image(PartImages.SCRATCH);

        JsonNode answer = json(responder.answer(List.of(request("cloud", "17", image))).get(0));

        assertEquals("17", answer.path("id").asText());
        assertEquals("2026-11-26T13:10:02.100Z", answer.path("timestamp").asText());
        assertEquals("defect-classification", answer.path("inference-type").asText());
        assertEquals("part image defect-cnn", answer.path("inference-description").asText());
        JsonNode results = answer.path("inference-results");
        assertEquals(3, results.size());
        assertEquals(cnn.predict(image).label(), results.get(0).path("Label").asText());
        assertTrue(results.get(2).path("Score").asText().matches("0\\.\\d{4}"), results.toString());
        assertTrue(Double.parseDouble(results.get(0).path("Score").asText())
                >= Double.parseDouble(results.get(2).path("Score").asText()), results.toString());
        assertEquals(250, answer.path("inferenceMicros").asLong());
    }

    @Test
    void batchIsAnsweredInRequestOrderWithTheBatchTimeOnEveryAnswer() {
        List<float[]> images = ClassifierTest.inputs("defect-cnn", 6);
        List<Responder.Request> requests = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            requests.add(request(i % 2 == 0 ? "cloud" : "local", "r" + i, images.get(i)));
        }

        List<Responder.Reply> replies = responder.answer(requests);

        assertEquals(images.size(), replies.size());
        for (int i = 0; i < images.size(); i++) {
            assertEquals(requests.get(i).source(), replies.get(i).source());
            assertEquals("r" + i, json(replies.get(i)).path("id").asText());
            assertEquals(cnn.predict(images.get(i)).label(),
                    json(replies.get(i)).path("inference-results").get(0).path("Label").asText());
            assertEquals(250, json(replies.get(i)).path("inferenceMicros").asLong());
        }
    }

    @Test
    void malformedRequestsGetErrorsInPlaceAndTheRestIsStillAnswered() {
        float[] image = PartImages.seeded(TrainedModels.EVALUATION_SEED).image(PartImages.OK);
        List<Responder.Request> requests = List.of(
                request("cloud", "a", image),
                new Responder.Request("cloud", null),
                request("cloud", "c", new float[] {1, 2, 3}),
                new Responder.Request("cloud", Map.of("id", "d", "input", "pixels")),
                request("cloud", "e", image));

        List<JsonNode> answers = responder.answer(requests).stream().map(ResponderTest::json).toList();

        assertTrue(answers.get(0).has("inference-results"), answers.get(0).toString());
        assertEquals("request is not JSON; expected {\"id\": ..., \"input\": [4096 numbers]}",
                answers.get(1).path("error").asText());
        assertFalse(answers.get(1).has("id"));
        assertEquals("c", answers.get(2).path("id").asText());
        assertEquals("model 'defect-cnn' expects inputs of 4096 values (shape [1, 64, 64]); got 3",
                answers.get(2).path("error").asText());
        assertEquals("input is missing; expected an array of 4096 numbers", answers.get(3).path("error").asText());
        assertTrue(answers.get(4).has("inference-results"), answers.get(4).toString());
    }

    @Test
    void anomalyModelAnswersAsAnomalyDetection() {
        try (Classifier mlp = Classifier.load(TrainedModels.dir("anomaly-mlp"))) {
            Responder mlpResponder = new Responder(mlp, CLOCK, System::nanoTime);

            JsonNode answer = json(mlpResponder.answer(
                    List.of(request("local", "w", VibrationWindows.seeded(1).normal()))).get(0));

            assertEquals("anomaly-detection", answer.path("inference-type").asText());
            assertEquals("vibration window anomaly-mlp", answer.path("inference-description").asText());
            assertEquals(2, answer.path("inference-results").size());
        }
    }

    /** A request as {@link PlainJson} reads one: {@code {"id": id, "input": [...]}}. */
    static Responder.Request request(String source, String id, float[] input) {
        StringBuilder text = new StringBuilder("{\"id\":\"").append(id).append("\",\"input\":[");
        for (int i = 0; i < input.length; i++) {
            text.append(i == 0 ? "" : ",").append(input[i]);
        }
        return new Responder.Request(source, PlainJson.read(text.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The reply's answer as the component sends it on the wire, read back. */
    static JsonNode json(Responder.Reply reply) {
        try {
            return JSON.readTree(PlainJson.write(reply.answer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
