package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyModelTest {

    private static final long TRAINING_SEED = 42;
    /** Evaluation windows come from another seed than anything the trainer generated. */
    private static final long EVALUATION_SEED = 7;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path outDir;

    static ModelTrainer.TrainedModel trained;

    @BeforeAll
    static void trainOnce() {
        trained = ModelTrainer.train(outDir, ModelTrainer.Plan.defaults(TRAINING_SEED), QUIET);
    }

    @Test
    void detectsAnomaliesOnHeldOutWindowsAfterSaveAndLoad() {
        List<LabeledWindow> windows = VibrationWindows.seeded(EVALUATION_SEED).balanced(2_000);

        try (AnomalyModel model = AnomalyModel.load(trained.modelDir())) {
            double accuracy = model.accuracyOn(windows);

            assertTrue(majorityBaseline(windows) <= 0.6, "majority baseline " + majorityBaseline(windows));
            assertTrue(accuracy >= 0.95, "accuracy " + accuracy);
        }
    }

    @Test
    void loadedModelReproducesTheAccuracyMeasuredBeforeSaving() {
        List<LabeledWindow> samples = SamplesCsv.read(trained.modelDir().resolve(SamplesCsv.FILE_NAME));

        try (AnomalyModel model = AnomalyModel.load(trained.modelDir())) {
            assertEquals(trained.manifest().heldOutAccuracy(), model.accuracyOn(samples));
        }
    }

    @Test
    void writesManifestAndBalancedHeldOutSamplesBesideTheWeights() {
        ModelManifest manifest = ModelManifest.readFrom(trained.modelDir());
        List<LabeledWindow> samples = SamplesCsv.read(trained.modelDir().resolve(SamplesCsv.FILE_NAME));

        assertEquals(trained.manifest(), manifest);
        assertEquals(List.of("normal", "anomaly"), manifest.labels());
        assertEquals(128, manifest.inputLength());
        assertEquals(128 * 64 + 64 + 64 * 32 + 32 + 32 * 2 + 2, manifest.parameterCount());
        assertTrue(Files.exists(trained.modelDir().resolve("anomaly-mlp-0000.params")));
        assertEquals(Map.of("normal", 1_000L, "anomaly", 1_000L), labelCounts(samples));
    }

    @Test
    void predictionRanksEveryLabelWithProbabilities() {
        try (AnomalyModel model = AnomalyModel.load(trained.modelDir())) {
            Prediction prediction = model.predict(VibrationWindows.seeded(EVALUATION_SEED).normal());

            assertEquals(2, prediction.ranked().size());
            assertEquals(prediction.label(), prediction.ranked().get(0).label());
            float total = (float) prediction.ranked().stream().mapToDouble(Prediction.LabelScore::score).sum();
            assertEquals(1f, total, 1e-5f);
        }
    }

    @Test
    void refusesWindowOfWrongLengthNamingExpectedAndActualLength() {
        try (AnomalyModel model = AnomalyModel.load(trained.modelDir())) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> model.predict(new float[100]));

            assertTrue(refused.getMessage().contains("expects windows of 128 samples; got 100"),
                    refused.getMessage());
        }
    }

    @Test
    void missingModelDirectoryIsNamedInTheError(@TempDir Path empty) {
        Path missing = empty.resolve("no-such-model");

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AnomalyModel.load(missing));

        assertTrue(refused.getMessage().contains(missing.toString()), refused.getMessage());
    }

    @Test
    void missingManifestIsNamedInTheError(@TempDir Path empty) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AnomalyModel.load(empty));

        assertTrue(refused.getMessage().contains(empty.resolve("model.json").toString()), refused.getMessage());
    }

    @Test
    void parameterFileOfAnotherFormatIsNamedInTheError(@TempDir Path copy) throws IOException {
        Files.copy(trained.modelDir().resolve("model.json"), copy.resolve("model.json"));
        Files.write(copy.resolve("anomaly-mlp-0000.params"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AnomalyModel.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("anomaly-mlp-").toString()), refused.getMessage());
    }

    @Test
    void truncatedParameterFileIsNamedInTheError(@TempDir Path copy) throws IOException {
        byte[] params = Files.readAllBytes(trained.modelDir().resolve("anomaly-mlp-0000.params"));
        Files.copy(trained.modelDir().resolve("model.json"), copy.resolve("model.json"));
        Files.write(copy.resolve("anomaly-mlp-0000.params"), Arrays.copyOf(params, params.length / 2));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AnomalyModel.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("anomaly-mlp-").toString()), refused.getMessage());
    }

    @Test
    void missingParameterFileIsNamedInTheError(@TempDir Path copy) throws IOException {
        Files.copy(trained.modelDir().resolve("model.json"), copy.resolve("model.json"));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> AnomalyModel.load(copy));

        assertTrue(refused.getMessage().contains(copy.resolve("anomaly-mlp-").toString()), refused.getMessage());
    }

    @Test
    void sameSeedTrainsIdenticalWeights(@TempDir Path first, @TempDir Path second) throws IOException {
        ModelTrainer.Plan small = new ModelTrainer.Plan(TRAINING_SEED, 2_000, 200, 1, 64, 2e-3f, 1);

        Path firstDir = ModelTrainer.train(first, small, QUIET).modelDir();
        Path secondDir = ModelTrainer.train(second, small, QUIET).modelDir();

        assertArrayEquals(Files.readAllBytes(firstDir.resolve("anomaly-mlp-0000.params")),
                Files.readAllBytes(secondDir.resolve("anomaly-mlp-0000.params")));
        assertEquals(Files.readString(firstDir.resolve("samples.csv")), Files.readString(secondDir.resolve("samples.csv")));
    }

    @Test
    void signalEnergyAloneDoesNotSeparateTheClasses() {
        List<LabeledWindow> windows = VibrationWindows.seeded(EVALUATION_SEED).balanced(2_000);

        double best = bestRmsThresholdAccuracy(windows);

        assertTrue(best < 0.9, "one RMS threshold already reaches " + best);
    }

    private static double majorityBaseline(List<LabeledWindow> windows) {
        long majority = labelCounts(windows).values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return (double) majority / windows.size();
    }

    private static Map<String, Long> labelCounts(List<LabeledWindow> windows) {
        return windows.stream().collect(Collectors.groupingBy(LabeledWindow::label, Collectors.counting()));
    }

    /** The best accuracy of "anomaly if RMS above t" over every threshold t. */
    private static double bestRmsThresholdAccuracy(List<LabeledWindow> windows) {
        List<LabeledWindow> byRms = windows.stream()
                .sorted((a, b) -> Double.compare(rms(a.samples()), rms(b.samples())))
                .toList();
        long anomaliesAbove = labelCounts(windows).getOrDefault(VibrationWindows.ANOMALY, 0L);
        long normalsBelow = 0;
        long best = anomaliesAbove;
        for (LabeledWindow window : byRms) {
            if (window.label().equals(VibrationWindows.ANOMALY)) {
                anomaliesAbove--;
            } else {
                normalsBelow++;
            }
            best = Math.max(best, anomaliesAbove + normalsBelow);
        }
        return (double) best / windows.size();
    }

    private static double rms(float[] samples) {
        double mean = 0;
        for (float sample : samples) {
            mean += sample / (double) samples.length;
        }
        double sumSquares = 0;
        for (float sample : samples) {
            sumSquares += (sample - mean) * (sample - mean);
        }
        return Math.sqrt(sumSquares / samples.length);
    }
}
