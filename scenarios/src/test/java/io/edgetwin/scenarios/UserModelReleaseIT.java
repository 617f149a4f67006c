package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.Report;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.run.ScenarioRunner;
import io.edgetwin.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own release gate on real twins under caps ({@code scenarios/model-release-byo.yaml}): a
 * TorchScript field model and an ONNX candidate, published as artifacts with their manifests, deployed
 * as jobs, each answering the user's labelled CSV samples with the answers counted correct.
 */
class UserModelReleaseIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", "..")).toAbsolutePath().normalize();
    private static final Pattern DONE = Pattern.compile("\\[(\\w+)] done: ok (\\d+) of (\\d+).* correct (\\d+),");

    @TempDir
    Path dir;

    @Test
    void torchScriptFieldModelAndOnnxCandidateAnswerTheUsersSamplesCorrectlyUnderCaps() throws Exception {
        Path scenarioFile = dir.resolve("model-release-byo.yaml");
        Files.writeString(scenarioFile, Files.readString(HOME.resolve("scenarios/model-release-byo.yaml"))
                .replace("model: models/", "model: " + HOME.resolve("scenarios/models") + "/")
                .replace("csv: models/", "csv: " + HOME.resolve("scenarios/models") + "/")
                .replace("duration: 20s", "duration: 12s").replace("warmup: 5s", "warmup: 3s"));
        List<String> lines = new CopyOnWriteArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(HOME, lines::add);
        Scenario scenario = runner.read(scenarioFile);

        Report report = runner.run(scenario, dir.resolve("out"));
        lines.stream().filter(l -> l.contains("released ") || l.contains(" done: ") || l.contains("PASS")
                || l.contains("FAIL")).forEach(System.out::println);

        assertThat(lines).anyMatch(l -> l.contains("released com.edgetwin.Inference 1.1.0 (model ")
                && l.contains("anomaly-mlp-torchscript"));
        assertThat(lines).anyMatch(l -> l.contains("released com.edgetwin.Inference 2.0.0 (model ")
                && l.contains("anomaly-mlp-x4-onnx"));
        for (String variant : List.of("field", "candidate")) {
            VariantResult result = report.variants().get(variant);
            assertThat(result.requests().failed()).as(variant + " errors").isZero();
            assertThat(result.requests().ok()).as(variant + " answers").isPositive();
            Matcher done = lines.stream().map(DONE::matcher).filter(m -> m.find() && m.group(1).equals(variant))
                    .findFirst().orElseThrow(() -> new AssertionError("no done line for " + variant + " in " + lines));
            long ok = Long.parseLong(done.group(2));
            long correct = Long.parseLong(done.group(4));
            assertThat(correct).as(variant + " correct answers of " + ok).isGreaterThanOrEqualTo(ok * 9 / 10);
        }
        assertThat(Leftovers.containers()).isEmpty();
    }

    @Test
    void modelThatDoesNotMatchItsManifestStopsTheRunNamingTheFileAndTheShape() throws Exception {
        Path model = Files.createDirectories(dir.resolve("wrong-shape"));
        Path fixture = HOME.resolve("scenarios/models/anomaly-mlp-torchscript");
        Files.copy(fixture.resolve("anomaly-mlp.pt"), model.resolve("anomaly-mlp.pt"));
        Files.writeString(model.resolve("model.yaml"), Files.readString(fixture.resolve("model.yaml"))
                .replace("shape: [128]", "shape: [64]"));
        StringBuilder csv = new StringBuilder("label");
        for (int i = 0; i < 64; i++) {
            csv.append(",v").append(i);
        }
        csv.append("\nnormal").append(",0.5".repeat(64)).append('\n');
        Files.writeString(dir.resolve("samples.csv"), csv);
        Path scenarioFile = dir.resolve("wrong-shape.yaml");
        Files.writeString(scenarioFile, """
                name: wrong-shape
                device: {memory: 768m, cpus: 1.0}
                components:
                  com.edgetwin.Inference: {version: 1.0.0}
                artifacts:
                  releases:
                    - {component: com.edgetwin.Inference, from: 1.0.0, version: 1.1.0, model: wrong-shape/}
                variants:
                  field: {components: {com.edgetwin.Inference: {version: 1.1.0}}}
                  candidate: {components: {com.edgetwin.Inference: {version: 1.1.0}}}
                workload: {target: com.edgetwin.Inference, input: {csv: samples.csv}, rate: 10/s, warmup: 1s, duration: 5s}
                """);
        ScenarioRunner runner = new ScenarioRunner(HOME, line -> { });
        Scenario scenario = runner.read(scenarioFile);

        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> runner.run(scenario, dir.resolve("out")));

        assertThat(failure.getMessage()).contains("is BROKEN").contains("model-load-failed")
                .contains("anomaly-mlp.pt' does not take the input").contains("shape [64]");
        assertThat(Leftovers.containers()).isEmpty();
    }
}
