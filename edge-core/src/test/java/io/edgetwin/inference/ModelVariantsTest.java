package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model variant the build ships, trained through the build's code path (see {@link TrainedModels}). */
class ModelVariantsTest {

    static List<String> names() {
        return TrainedModels.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void classifiesFreshBalancedInputsAfterSaveAndLoad(String name) {
        ModelManifest manifest = TrainedModels.get(name).manifest();
        List<LabeledSample> fresh = TrainedModels.evaluationSet(manifest.architecture());

        try (Classifier classifier = Classifier.load(TrainedModels.dir(name))) {
            double accuracy = classifier.accuracyOn(fresh);

            assertTrue(majorityShare(fresh) <= 0.6, "majority baseline " + majorityShare(fresh));
            assertTrue(accuracy >= 0.95, name + " accuracy " + accuracy);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void loadedModelReproducesTheAccuracyMeasuredBeforeSaving(String name) {
        List<LabeledSample> samples = SamplesCsv.read(TrainedModels.dir(name).resolve(SamplesCsv.FILE_NAME));

        try (Classifier classifier = Classifier.load(TrainedModels.dir(name))) {
            assertEquals(TrainedModels.get(name).manifest().heldOutAccuracy(), classifier.accuracyOn(samples));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void manifestDescribesTheVariant(String name) {
        TrainingPlan plan = TrainedModels.testPlan(name);
        Architecture architecture = plan.architecture();

        ModelManifest manifest = ModelManifest.readFrom(TrainedModels.dir(name));

        assertEquals(TrainedModels.get(name).manifest(), manifest);
        assertEquals(ModelManifest.trained(name, architecture, plan.width(), architecture.inputShape(), architecture.labels(),
                expectedParameters(architecture, plan.width()), TrainedModels.SEED, plan.heldOutSamples(),
                manifest.heldOutAccuracy()), manifest);
    }

    @ParameterizedTest
    @MethodSource("names")
    void writesOneParameterFileAndBalancedHeldOutRowsOfTheFlatInput(String name) throws IOException {
        Path dir = TrainedModels.dir(name);
        ModelManifest manifest = TrainedModels.get(name).manifest();
        String expectedHeader = "label," + IntStream.range(0, manifest.inputLength())
                .mapToObj(i -> "v" + i)
                .collect(Collectors.joining(","));

        List<LabeledSample> samples = SamplesCsv.read(dir.resolve(SamplesCsv.FILE_NAME));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(name + "-0000.params", "model.json", "samples.csv"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        try (BufferedReader csv = Files.newBufferedReader(dir.resolve(SamplesCsv.FILE_NAME))) {
            assertEquals(expectedHeader, csv.readLine());
        }
        assertEquals(manifest.heldOutSamples(), samples.size());
        long perLabel = samples.size() / manifest.labels().size();
        assertEquals(manifest.labels().stream().collect(Collectors.toMap(label -> label, label -> perLabel)),
                labelCounts(samples));
    }

    /** Weights and biases of every layer; batch-norm gamma and beta, not its running statistics. */
    private static long expectedParameters(Architecture architecture, int w) {
        return switch (architecture) {
            case ANOMALY_MLP -> linear(128, 64 * w) + linear(64 * w, 32 * w) + linear(32 * w, 2);
            case DEFECT_CNN -> conv(1, 8 * w, 5) + conv(8 * w, 16 * w, 3) + conv(16 * w, 16 * w, 3) + linear(16 * w, 3);
        };
    }

    private static long linear(long in, long out) {
        return in * out + out;
    }

    private static long conv(long in, long filters, long kernel) {
        return in * filters * kernel * kernel + filters + 2 * filters;
    }

    static double majorityShare(List<LabeledSample> samples) {
        long majority = labelCounts(samples).values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return (double) majority / samples.size();
    }

    static Map<String, Long> labelCounts(List<LabeledSample> samples) {
        return samples.stream().collect(Collectors.groupingBy(LabeledSample::label, Collectors.counting()));
    }
}
