package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {

    private static final String MLP = "anomaly-mlp";
    private static final String CNN = "defect-cnn";

    @ParameterizedTest
    @ValueSource(strings = {MLP, CNN})
    void batchGetsTheSamePredictionsAsOneAtATimeInInputOrder(String name) {
        List<float[]> inputs = inputs(name, 24);

        try (Classifier classifier = Classifier.load(TrainedModels.dir(name))) {
            List<Prediction> batched = classifier.predictBatch(inputs);

            assertEquals(inputs.size(), batched.size());
            for (int i = 0; i < inputs.size(); i++) {
                Prediction single = classifier.predict(inputs.get(i));
                assertEquals(single.label(), batched.get(i).label(), "input " + i);
                assertEquals(single.score(), batched.get(i).score(), 1e-4f, "input " + i);
            }
        }
    }

    @Test
    void predictionRanksEveryLabelWithProbabilitiesSummingToOne() {
        try (Classifier classifier = Classifier.load(TrainedModels.dir(CNN))) {
            Prediction prediction = classifier.predict(PartImages.seeded(TrainedModels.EVALUATION_SEED).image(PartImages.DENT));

            assertEquals(PartImages.LABELS.size(), prediction.ranked().size());
            assertEquals(prediction.label(), prediction.ranked().get(0).label());
            float total = (float) prediction.ranked().stream().mapToDouble(Prediction.LabelScore::score).sum();
            assertEquals(1f, total, 1e-5f);
        }
    }

    @Test
    void refusesImageOfWrongLengthNamingExpectedAndActualLength() {
        try (Classifier classifier = Classifier.load(TrainedModels.dir(CNN))) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> classifier.predict(new float[128]));

            assertTrue(refused.getMessage().contains("expects inputs of 4096 values (shape [1, 64, 64]); got 128"),
                    refused.getMessage());
        }
    }

    @Test
    void refusesBatchWithOneWindowOfWrongLength() {
        List<float[]> inputs = inputs(MLP, 3);
        inputs.set(1, new float[100]);

        try (Classifier classifier = Classifier.load(TrainedModels.dir(MLP))) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> classifier.predictBatch(inputs));

            assertTrue(refused.getMessage().contains("expects inputs of 128 values (shape [128]); got 100"),
                    refused.getMessage());
        }
    }

    @Test
    void refusesEmptyBatch() {
        try (Classifier classifier = Classifier.load(TrainedModels.dir(MLP))) {
            assertThrows(IllegalArgumentException.class, () -> classifier.predictBatch(List.of()));
        }
    }

    @Test
    void missingModelDirectoryIsNamedInTheError(@TempDir Path empty) {
        Path missing = empty.resolve("no-such-model");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(missing));

        assertTrue(refused.getMessage().contains(missing.toString()), refused.getMessage());
    }

    @Test
    void missingManifestIsNamedInTheError(@TempDir Path empty) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(empty));

        assertTrue(refused.getMessage().contains(empty.resolve("model.json").toString()), refused.getMessage());
    }

    @Test
    void unknownArchitectureInTheManifestIsNamed(@TempDir Path copy) throws IOException {
        String manifest = Files.readString(TrainedModels.dir(MLP).resolve("model.json"));
        Files.writeString(copy.resolve("model.json"), manifest.replace("\"anomaly-mlp\"", "\"transformer\""));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("model.json").toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("unknown architecture 'transformer'"), refused.getMessage());
    }

    @Test
    void inputShapeTheArchitectureCannotTakeIsNamed(@TempDir Path copy) throws IOException {
        String manifest = Files.readString(TrainedModels.dir(CNN).resolve("model.json"));
        Files.writeString(copy.resolve("model.json"), manifest.replaceAll("\"shape\" : \\[[^]]*]", "\"shape\" : [ 4096 ]"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(copy));

        assertTrue(refused.getMessage().contains("takes inputs of shape [1, 64, 64]; got input.shape [4096]"),
                refused.getMessage());
    }

    @Test
    void parameterFileOfAnotherFormatIsNamedInTheError(@TempDir Path copy) throws IOException {
        Files.copy(TrainedModels.dir(CNN).resolve("model.json"), copy.resolve("model.json"));
        Files.write(copy.resolve("defect-cnn-0000.params"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("defect-cnn-").toString()), refused.getMessage());
    }

    @Test
    void truncatedParameterFileIsNamedInTheError(@TempDir Path copy) throws IOException {
        byte[] params = Files.readAllBytes(TrainedModels.dir(CNN).resolve("defect-cnn-0000.params"));
        Files.copy(TrainedModels.dir(CNN).resolve("model.json"), copy.resolve("model.json"));
        Files.write(copy.resolve("defect-cnn-0000.params"), Arrays.copyOf(params, params.length / 2));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("defect-cnn-").toString()), refused.getMessage());
    }

    @Test
    void missingParameterFileIsNamedInTheError(@TempDir Path copy) throws IOException {
        Files.copy(TrainedModels.dir(MLP).resolve("model.json"), copy.resolve("model.json"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("anomaly-mlp-").toString()), refused.getMessage());
    }

    @Test
    void parametersOfTheOtherWidthAreRefused(@TempDir Path copy) throws IOException {
        Files.copy(TrainedModels.dir(MLP).resolve("model.json"), copy.resolve("model.json"));
        Files.copy(TrainedModels.dir("anomaly-mlp-x4").resolve("anomaly-mlp-x4-0000.params"),
                copy.resolve("anomaly-mlp-0000.params"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Classifier.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("anomaly-mlp-").toString()), refused.getMessage());
    }

    static List<float[]> inputs(String name, int count) {
        Architecture architecture = TrainedModels.get(name).manifest().architecture();
        return new java.util.ArrayList<>(TrainedModels.evaluationSet(architecture).subList(0, count).stream()
                .map(LabeledSample::values)
                .toList());
    }
}
