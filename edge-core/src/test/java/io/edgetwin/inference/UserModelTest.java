package io.edgetwin.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's TorchScript and ONNX models (the fixtures in {@code scenarios/models}, our anomaly model
 * rebuilt in PyTorch from its trained weights by {@code make-fixtures.sh}) load through the same
 * manifest path as the built-in models, give the same answers as each other on two engines, classify
 * as well as the model the build trained here, and every mismatch is named.
 */
class UserModelTest {

    static final Path FIXTURES = Path.of("..", "scenarios", "models").toAbsolutePath().normalize();
    private static final String MLP = "anomaly-mlp";

    @Test
    void theTorchScriptAndOnnxExportsOfOneModelGiveTheSameClassAndScoresOnEveryHeldOutSample() {
        List<LabeledSample> samples = SamplesCsv.read(FIXTURES.resolve("anomaly-samples.csv"));

        try (Classifier torchScript = Classifier.load(FIXTURES.resolve("anomaly-mlp-torchscript"));
                Classifier onnx = Classifier.load(FIXTURES.resolve("anomaly-mlp-onnx"))) {
            for (int i = 0; i < samples.size(); i++) {
                Prediction expected = torchScript.predict(samples.get(i).values());
                Prediction actual = onnx.predict(samples.get(i).values());
                assertEquals(expected.label(), actual.label(), "sample " + i);
                for (int k = 0; k < expected.ranked().size(); k++) {
                    assertEquals(expected.ranked().get(k).score(), actual.ranked().get(k).score(), 1e-4f, "sample " + i);
                }
            }
        }
    }

    /**
     * The exports were made from the build's trained weights on one host; training from the same seed
     * on another CPU takes other floating-point paths (MKL and ATen pick kernels by CPU), so the model
     * trained here is a sibling, not a copy: the exports must classify as well as it does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"anomaly-mlp-torchscript", "anomaly-mlp-onnx"})
    void userFormatClassifiesTheHeldOutSamplesAsWellAsTheModelTrainedHere(String fixture) {
        List<LabeledSample> samples = SamplesCsv.read(FIXTURES.resolve("anomaly-samples.csv"));

        try (Classifier djl = Classifier.load(TrainedModels.dir(MLP));
                Classifier user = Classifier.load(FIXTURES.resolve(fixture))) {
            double trainedHere = accuracy(djl, samples);
            double exported = accuracy(user, samples);
            assertThat(exported).as("held-out accuracy of " + fixture).isGreaterThanOrEqualTo(0.95)
                    .isCloseTo(trainedHere, Offset.offset(0.03));
        }
    }

    private static double accuracy(Classifier classifier, List<LabeledSample> samples) {
        long right = samples.stream().filter(sample -> classifier.predict(sample.values()).label().equals(sample.label())).count();
        return (double) right / samples.size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anomaly-mlp-torchscript", "anomaly-mlp-onnx"})
    void userFormatClassifiesBatchesLikeSingleInputs(String fixture) {
        List<float[]> inputs = ClassifierTest.inputs(MLP, 16);

        try (Classifier user = Classifier.load(FIXTURES.resolve(fixture))) {
            List<Prediction> batched = user.predictBatch(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(user.predict(inputs.get(i)).label(), batched.get(i).label(), "input " + i);
            }
            assertThat(user.manifest().task()).isEqualTo("anomaly-detection");
        }
    }

    @Test
    void fileThatIsNotATorchScriptArchiveIsNamed(@TempDir Path dir) throws IOException {
        Path model = copyFixture("anomaly-mlp-torchscript", dir);
        Files.write(model.resolve("anomaly-mlp.pt"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertThat(refusal(model)).contains(model.resolve("anomaly-mlp.pt").toString())
                .contains("is not a TorchScript archive").contains("PyTorch 2.7.1");
    }

    @Test
    void truncatedTorchScriptArchiveIsNamedWithTheSupportedVersions(@TempDir Path dir) throws IOException {
        Path model = copyFixture("anomaly-mlp-torchscript", dir);
        byte[] bytes = Files.readAllBytes(model.resolve("anomaly-mlp.pt"));
        Files.write(model.resolve("anomaly-mlp.pt"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(refusal(model)).contains(model.resolve("anomaly-mlp.pt").toString())
                .contains("cannot be loaded as torchscript").contains("torch 1.11 to 2.7");
    }

    @Test
    void corruptOnnxFileIsNamedWithTheRuntimeVersion(@TempDir Path dir) throws IOException {
        Path model = copyFixture("anomaly-mlp-onnx", dir);
        byte[] bytes = Files.readAllBytes(model.resolve("anomaly-mlp.onnx"));
        Files.write(model.resolve("anomaly-mlp.onnx"), Arrays.copyOf(bytes, bytes.length / 3));

        assertThat(refusal(model)).contains(model.resolve("anomaly-mlp.onnx").toString())
                .contains("cannot be loaded as onnx").contains("ONNX Runtime 1.21.1");
    }

    @Test
    void onnxOpsetTheRuntimeLacksIsRefusedWithTheOpsetsItLoads(@TempDir Path dir) throws IOException {
        Path model = copyFixture("anomaly-mlp-onnx", dir);
        byte[] bytes = Files.readAllBytes(model.resolve("anomaly-mlp.onnx"));
        // the graph's opset_import {version: 13} (field 8, then field 2 = 13) closes the file: make it 99
        byte[] opset13 = {0x42, 0x02, 0x10, 0x0d};
        int at = indexOf(bytes, opset13);
        assertThat(at).as("opset_import of the fixture").isPositive();
        bytes[at + 3] = 99;
        Files.write(model.resolve("anomaly-mlp.onnx"), bytes);

        assertThat(refusal(model)).contains("cannot be loaded as onnx").contains("opsets 7 to 22");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"anomaly-mlp-torchscript", "anomaly-mlp-onnx"})
    void manifestShapeTheModelDoesNotTakeIsNamed(String fixture, @TempDir Path dir) throws IOException {
        Path model = copyFixture(fixture, dir);
        edit(model, "shape: [128]", "shape: [64]");

        assertThat(refusal(model)).contains("does not take the input").contains(model.resolve("model.yaml").toString())
                .contains("shape [64]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anomaly-mlp-torchscript", "anomaly-mlp-onnx"})
    void labelsOfAnotherCountThanTheOutputsAreNamed(String fixture, @TempDir Path dir) throws IOException {
        Path model = copyFixture(fixture, dir);
        edit(model, "labels: [normal, anomaly]", "labels: [normal, anomaly, unknown]");

        assertThat(refusal(model)).contains("expected (batch, 3): one score per label [normal, anomaly, unknown]");
    }

    @Test
    void onnxInputNameTheGraphDoesNotHaveIsNamed(@TempDir Path dir) throws IOException {
        Path model = copyFixture("anomaly-mlp-onnx", dir);
        edit(model, "name: window", "name: pixels");

        assertThat(refusal(model)).contains("does not take the input").contains("named 'pixels'");
    }

    @Test
    void missingModelFileIsNamed(@TempDir Path dir) throws IOException {
        Path model = copyFixture("anomaly-mlp-onnx", dir);
        Files.delete(model.resolve("anomaly-mlp.onnx"));

        assertThat(refusal(model)).contains(model.resolve("anomaly-mlp.onnx") + "' does not exist");
    }

    private static String refusal(Path model) {
        return assertThrows(IllegalArgumentException.class, () -> Classifier.load(model)).getMessage();
    }

    static Path copyFixture(String fixture, Path into) throws IOException {
        Path target = into.resolve(fixture);
        Files.createDirectories(target);
        try (var files = Files.list(FIXTURES.resolve(fixture))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static void edit(Path model, String from, String to) throws IOException {
        Path manifest = model.resolve("model.yaml");
        String text = Files.readString(manifest);
        if (!text.contains(from)) {
            throw new IllegalStateException(manifest + " has no '" + from + "'");
        }
        Files.writeString(manifest, text.replace(from, to));
    }
}
