package io.edgetwin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.simulator.samples.SampleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario releasing the user's model folders and sending the user's samples, refused up front when they do not fit. */
class UserModelScenarioTest {

    private static final String SCENARIO = """
            name: byo
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            artifacts:
              releases:
                - {component: com.edgetwin.Inference, from: 1.0.0, version: 2.0.0, model: models/mine}
            variants:
              field: {}
              candidate:
                components:
                  com.edgetwin.Inference: {version: 2.0.0}
            workload:
              target: com.edgetwin.Inference
              input: {csv: models/samples.csv}
              rate: 50/s
              duration: 30s
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(RecipeCatalog.of(java.util.Set.of("com.edgetwin.Inference@1.0.0")), 2);

    @Test
    void releaseNamesTheUserModelFolderAndTheWorkloadTheUserSamples() throws IOException {
        modelFolder("shape: [3]");

        Scenario scenario = reader.read(write(SCENARIO));

        assertEquals(dir.resolve("models/mine"), scenario.artifacts().releases().get(0).modelDir());
        assertEquals(new SampleSource.Csv(dir.resolve("models/samples.csv")), scenario.workload().input());
        assertEquals("models/samples.csv", scenario.workload().samples());
    }

    @Test
    void theShippedByoScenarioReleasesTheTorchScriptAndOnnxFixturesAndSendsTheirSamples() {
        Scenario scenario = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/model-release-byo.yaml"));

        assertThat(scenario.artifacts().releases()).extracting(r -> r.modelDir().getFileName().toString())
                .containsExactly("anomaly-mlp-torchscript", "anomaly-mlp-x4-onnx");
        assertThat(scenario.workload().input()).isInstanceOf(SampleSource.Csv.class);
        assertThat(scenario.variants().get(1).thresholds()).allMatch(t -> t.readsOtherRuns());
    }

    @Test
    void samplesOfAnotherWidthThanTheReleasedModelTakesAreRefusedBeforeAnythingStarts() throws IOException {
        modelFolder("shape: [1, 2, 2]");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(SCENARIO))).getMessage())
                .contains("the samples 'models/samples.csv' have 3 values per input; release com.edgetwin.Inference@2.0.0"
                        + " (models/mine) takes 4 (its manifest's input.shape)");
    }

    @Test
    void modelFolderWithoutManifestIsRefusedAtTheReleasesModel() throws IOException {
        modelFolder("shape: [3]");
        Files.delete(dir.resolve("models/mine/model.yaml"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(SCENARIO))).getMessage())
                .contains("scenario.yaml:7:79: artifacts.releases[0].model: ").contains("has no manifest; expected one of [model.yaml, model.yml, model.json]");
    }

    @Test
    void manifestNamingAMissingModelFileIsRefused() throws IOException {
        modelFolder("shape: [3]");
        Files.delete(dir.resolve("models/mine/mine.onnx"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(SCENARIO))).getMessage())
                .contains("mine.onnx' (named in ").contains("does not exist in the model folder");
    }

    @Test
    void malformedSamplesAreRefusedAtTheWorkloadsInput() throws IOException {
        modelFolder("shape: [3]");
        Files.writeString(dir.resolve("models/samples.csv"), "label,v0,v1,v2\nok,1,2\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(SCENARIO))).getMessage())
                .contains("scenario.yaml:15:16: ").contains("samples.csv:2: 2 values; expected 3");
    }

    @Test
    void inputNamingTwoSourcesIsRefused() throws IOException {
        modelFolder("shape: [3]");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(SCENARIO.replace(
                "{csv: models/samples.csv}", "{csv: models/samples.csv, samples: anomaly-mlp}")))).getMessage())
                .contains("names [samples, csv]; expected one of {samples: <model>}, {csv: FILE}");
    }

    @Test
    void modelFileLargerThanTheComponentsMemoryLimitIsRefusedWithBothSizes() throws IOException {
        modelFolder("shape: [3]");
        Files.write(dir.resolve("models/mine/mine.onnx"), new byte[4096]);

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(SCENARIO.replace(
                "{version: 2.0.0}", "{version: 2.0.0, systemResourceLimits: {memory: 2, cpus: 0.5}}")))).getMessage())
                .contains("variants: candidate: the model file of com.edgetwin.Inference@2.0.0 (models/mine) is 4096 bytes;"
                        + " the component's memory limit is 2 KB (2048 bytes), too small to load it");
    }

    private void modelFolder(String shape) throws IOException {
        Path model = Files.createDirectories(dir.resolve("models/mine"));
        Files.writeString(model.resolve("model.yaml"), "name: mine\nfile: mine.onnx\ninput: {" + shape + "}\n"
                + "output: {labels: [a, b]}\n");
        Files.write(model.resolve("mine.onnx"), new byte[] {8, 1});
        Files.writeString(dir.resolve("models/samples.csv"), "label,v0,v1,v2\na,1,2,3\nb,4,5,6\n");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("scenario.yaml"), yaml);
    }
}
