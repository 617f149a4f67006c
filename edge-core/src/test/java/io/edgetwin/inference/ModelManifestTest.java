package io.edgetwin.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.inference.model.ModelFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest users write and the build writes: one format, every refusal located. */
class ModelManifestTest {

    private static final String USER = """
            name: my-detector
            file: detector.onnx
            input: {name: window, shape: [128]}
            preprocess: {scale: 0.5, mean: 1, std: 2}
            output: {labels: [normal, anomaly]}
            accuracyFloor: 0.9
            """;

    @TempDir
    Path dir;

    @Test
    void userManifestInfersTheFormatFromTheExtensionAndKeepsEveryField() throws IOException {
        ModelManifest manifest = ModelManifest.readFrom(write("model.yaml", USER));

        assertEquals(ModelFormat.ONNX, manifest.format());
        assertEquals("window", manifest.input().name());
        assertEquals(List.of(128), manifest.inputShape());
        assertEquals(List.of("normal", "anomaly"), manifest.labels());
        assertEquals(0.9, manifest.accuracyFloor());
        assertEquals("classification", manifest.task());
        float[] window = new float[128];
        window[5] = 4f;
        float[] preprocessed = manifest.preprocessing().apply(window, manifest.input());
        assertEquals(0.5f, preprocessed[5]);
        assertEquals(-0.5f, preprocessed[0]);
    }

    @Test
    void builtInManifestReadsBackAsWritten() {
        ModelManifest written = ModelManifest.trained("anomaly-mlp", Architecture.ANOMALY_MLP, 1, List.of(128),
                List.of("normal", "anomaly"), 10402, 42, 2000, 0.97);
        written.writeTo(dir);

        assertEquals(written, ModelManifest.readFrom(dir));
        assertEquals(ModelFormat.DJL_PARAMS, written.format());
    }

    @Test
    void jsonManifestIsReadByTheSameReader() throws IOException {
        Path file = write("model.json", """
                {"name": "m", "file": "m.pt", "input": {"shape": [1, 8, 8]}, "output": {"labels": ["a", "b"]}}
                """);

        assertEquals(ModelFormat.TORCHSCRIPT, ModelManifest.readFrom(file).format());
    }

    @Test
    void unknownExtensionIsRefusedAtTheFileField() throws IOException {
        write("model.yaml", USER.replace("detector.onnx", "detector.h5"));

        assertThat(refusal()).startsWith(dir.resolve("model.yaml") + ":2:7: file: model file 'detector.h5' has an"
                + " extension no engine loads; expected .pt or .torchscript (TorchScript), .onnx (ONNX)");
    }

    @Test
    void unknownFieldIsNamedWithItsPlaceAndTheKnownOnes() throws IOException {
        write("model.yaml", USER.replace("output:", "outputs:"));

        assertThat(refusal()).startsWith(dir.resolve("model.yaml") + ":5:1: unknown field 'outputs'");
    }

    @Test
    void dtypeOtherThanFloat32IsRefused() throws IOException {
        write("model.yaml", USER.replace("shape: [128]", "shape: [128], dtype: int8"));

        assertThat(refusal()).contains(":3:8: input: input dtype 'int8' is not served; expected float32");
    }

    @Test
    void negativeSizeInTheShapeIsRefusedAtItsPlace() throws IOException {
        write("model.yaml", USER.replace("[128]", "[-1]"));

        assertThat(refusal()).contains(":3:31: input.shape[0]: expected a positive size; got -1");
    }

    @Test
    void missingLabelsSayWhatTheTwinServes() throws IOException {
        write("model.yaml", USER.replace("output: {labels: [normal, anomaly]}", "output: {}"));

        assertThat(refusal()).contains("output: missing field 'labels': the twin serves classifiers");
    }

    @Test
    void perChannelMeanOfTheWrongCountIsRefused() throws IOException {
        write("model.yaml", USER.replace("mean: 1", "mean: [1, 2]"));

        assertThat(refusal()).contains("preprocess.mean lists 2 numbers; expected 1 or one per channel (128");
    }

    @Test
    void modelFileOutsideTheManifestsFolderIsRefused() throws IOException {
        write("model.yaml", USER.replace("detector.onnx", "../detector.onnx"));

        assertThat(refusal()).contains("must be a path relative to the manifest's folder, inside it");
    }

    @Test
    void folderWithoutManifestNamesTheFilesLookedFor() {
        assertThat(refusal()).contains("model.json' does not exist; expected one of [model.yaml, model.yml, model.json]");
    }

    @Test
    void manifestThatIsNotYamlIsNamed() throws IOException {
        write("model.yaml", "name: [unclosed");

        assertThat(refusal()).contains(dir.resolve("model.yaml") + "' is not valid YAML or JSON");
    }

    private String refusal() {
        return assertThrows(IllegalArgumentException.class, () -> ModelManifest.readFrom(dir)).getMessage();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
