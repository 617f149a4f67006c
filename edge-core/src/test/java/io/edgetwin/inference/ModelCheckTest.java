package io.edgetwin.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model check of a user's model folder: 0 when it holds its floor, 1 below it, bad input refused with the file. */
class ModelCheckTest {

    private static final Path SAMPLES = UserModelTest.FIXTURES.resolve("anomaly-samples.csv");

    @TempDir
    Path dir;

    @Test
    void onnxModelAboveItsAccuracyFloorPasses() {
        assertEquals(0, ModelCheck.run(new String[] {UserModelTest.FIXTURES.resolve("anomaly-mlp-onnx").toString(),
                "--samples", SAMPLES.toString(), "--batch", "4"}));
    }

    @Test
    void torchScriptModelBelowItsAccuracyFloorFails() throws IOException {
        Path model = UserModelTest.copyFixture("anomaly-mlp-torchscript", dir);
        Path manifest = model.resolve("model.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("accuracyFloor: 0.95", "accuracyFloor: 0.999"));

        assertEquals(1, ModelCheck.run(new String[] {model.toString(), "--samples", SAMPLES.toString()}));
    }

    @Test
    void samplesOfAnotherWidthAreRefusedNamingTheExpectedLength() throws IOException {
        Path samples = Files.writeString(dir.resolve("narrow.csv"), "label,v0,v1\nnormal,1,2\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ModelCheck.run(new String[] {
                UserModelTest.FIXTURES.resolve("anomaly-mlp-onnx").toString(), "--samples", samples.toString()}));

        assertThat(refused.getMessage()).contains("expects inputs of 128 values (shape [128]); got 2");
    }

    @Test
    void missingSamplesAreNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ModelCheck.run(new String[] {
                UserModelTest.FIXTURES.resolve("anomaly-mlp-onnx").toString()}));

        assertThat(refused.getMessage()).contains("anomaly-mlp-onnx/samples.csv' do not exist; expected a CSV file");
    }

    @Test
    void unknownOptionIsRefusedWithTheUsage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModelCheck.run(new String[] {"x", "--threads", "2"}));

        assertThat(refused.getMessage()).contains("unknown option '--threads'; usage: ModelCheck <model folder or manifest>");
    }
}
