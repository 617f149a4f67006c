package io.edgetwin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    private static final RecipeCatalog CATALOG = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0", "com.edgetwin.CpuHog@1.0.0"));
    private static final String VALID = """
            name: tiny
            seed: 7
            device: {memory: 768m, cpus: 1.0, pids: 512}
            components:
              com.edgetwin.Inference: {version: 1.0.0, configuration: {model: anomaly-mlp}}
              com.edgetwin.CpuHog: {version: 1.0.0}
            variants:
              limited:
                components:
                  com.edgetwin.CpuHog: {systemResourceLimits: {memory: 16384, cpus: 0.25}}
              unlimited: {}
            workload: {target: com.edgetwin.Inference, rate: 50/s, warmup: 2s, duration: 30s}
            thresholds:
              limited: ["latency.p99 < 50ms"]
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(CATALOG, 2);

    @Test
    void readsDeviceCapsComponentsVariantsAndWorkload() throws IOException {
        Scenario scenario = reader.read(write(VALID));

        assertEquals("tiny", scenario.name());
        assertEquals(7, scenario.seed());
        assertEquals(768L * 1024 * 1024, scenario.device().memoryBytes());
        assertEquals(scenario.device().memoryBytes(), scenario.device().memorySwapBytes(), "no swap unless asked");
        assertEquals(1_000_000_000L, scenario.device().nanoCpus());
        assertEquals(512, scenario.device().pids());
        assertThat(scenario.components().keySet()).containsExactly("com.edgetwin.Inference", "com.edgetwin.CpuHog");
        assertEquals("anomaly-mlp", scenario.components().get("com.edgetwin.Inference").configuration().get("model"));
        assertThat(scenario.variants()).extracting(Variant::name).containsExactly("limited", "unlimited");
        assertEquals(new ComponentLimits(16384L, 0.25), scenario.variants().get(0).limitsOf("com.edgetwin.CpuHog"));
        assertThat(scenario.variants().get(0).thresholds()).hasSize(1);
        assertThat(scenario.variants().get(1).limits()).isEmpty();
        assertEquals(new io.edgetwin.simulator.load.Arrival.Constant(50.0), scenario.workload().arrival());
        assertEquals(30, scenario.workload().duration().toSeconds());
    }

    private static final RecipeCatalog TWO_MODELS = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0",
            "com.edgetwin.DefectInspection@1.0.0", "com.edgetwin.CpuHog@1.0.0"), java.util.Map.of(
            "com.edgetwin.Inference@1.0.0", java.util.Map.of("model", "anomaly-mlp", "topic", "inference"),
            "com.edgetwin.DefectInspection@1.0.0", java.util.Map.of("model", "defect-cnn", "topic", "defect-inspection")));
    private static final String TWO = """
            name: two
            device: {memory: 2g, cpus: 1.4}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
              com.edgetwin.DefectInspection: {version: 1.0.0}
              com.edgetwin.CpuHog: {version: 1.0.0}
            variants:
              limited: {}
              unlimited: {}
            workloads:
              - {target: com.edgetwin.Inference, input: {samples: anomaly-mlp}, rate: 50/s, duration: 30s}
              - {name: cam, target: com.edgetwin.DefectInspection, input: {samples: defect-cnn}, rate: 10/s, duration: 30s}
            thresholds:
              limited: ["cam.latency.p99 < 80ms", "anomaly.latency.p99 < 0.5 * unlimited.latency.p99"]
            """;

    @Test
    void severalWorkloadsRunAtOnceEachOnItsComponentsTopicUnderItsName() throws IOException {
        Scenario scenario = new ScenarioReader(TWO_MODELS, 2).read(write(TWO));

        assertThat(scenario.workloads()).extracting(Workload::name).containsExactly("anomaly", "cam");
        assertThat(scenario.workloads()).extracting(Workload::topic).containsExactly("inference", "defect-inspection");
        assertEquals(scenario.workloads().get(0), scenario.workload());
        assertThat(scenario.severalWorkloads()).isTrue();
        assertThat(scenario.variants().get(0).thresholds()).extracting(t -> t.metric().key())
                .containsExactly("cam.latency.p99", "anomaly.latency.p99");
    }

    @Test
    void theSingleWorkloadFormIsAListOfOne() throws IOException {
        Scenario single = reader.read(write(VALID));
        Scenario list = reader.read(write(VALID.replace("workload: {target: com.edgetwin.Inference, rate: 50/s, warmup: 2s, duration: 30s}",
                "workloads: [{target: com.edgetwin.Inference, rate: 50/s, warmup: 2s, duration: 30s}]")));

        assertThat(single.workloads()).containsExactly(single.workload());
        assertEquals(single.workloads(), list.workloads());
        assertThat(single.severalWorkloads()).isFalse();
    }

    @Test
    void twoWorkloadsOnOneTargetAreRefusedAtTheSecondTarget() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioReader(TWO_MODELS, 2).read(write(TWO
                .replace("{name: cam, target: com.edgetwin.DefectInspection, input: {samples: defect-cnn}",
                        "{name: cam, target: com.edgetwin.Inference, input: {samples: anomaly-mlp}"))));

        assertThat(e.getMessage()).contains("scenario.yaml:12:").contains("'com.edgetwin.Inference' is already the target"
                + " of the workload at line 11");
    }

    @Test
    void aTargetThatIsNotAnInferenceComponentIsRefused() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioReader(TWO_MODELS, 2).read(write(TWO
                .replace("target: com.edgetwin.DefectInspection", "target: com.edgetwin.CpuHog"))));

        assertThat(e.getMessage()).contains("scenario.yaml:12:").contains("'com.edgetwin.CpuHog' is not an inference"
                + " component (its configuration has no model)");
    }

    @Test
    void samplesThatDoNotFitTheTargetsModelAreRefused() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioReader(TWO_MODELS, 2).read(write(TWO
                .replace("input: {samples: defect-cnn}", "input: {samples: anomaly-mlp}"))));

        assertThat(e.getMessage()).contains("scenario.yaml:12:")
                .contains("samples 'anomaly-mlp' do not fit model 'defect-cnn' of com.edgetwin.DefectInspection");
    }

    @Test
    void aThresholdNamingAnUnknownWorkloadIsRefusedAtItsLineAndColumn() throws IOException {
        ScenarioException several = assertThrows(ScenarioException.class, () -> new ScenarioReader(TWO_MODELS, 2)
                .read(write(TWO.replace("cam.latency.p99 < 80ms", "defect.latency.p99 < 80ms"))));
        ScenarioException single = assertThrows(ScenarioException.class, () -> reader.read(write(VALID.replace(
                "latency.p99 < 50ms", "anomaly.latency.p99 < 50ms"))));

        assertThat(several.getMessage()).contains("scenario.yaml:14:13: ")
                .contains("unknown workload 'defect'; expected one of [anomaly, cam]");
        assertThat(single.getMessage()).contains("scenario.yaml:14:13: ")
                .contains("the scenario has one workload, whose figures are the variant's; expected 'latency.p99'");
    }

    @Test
    void theShippedMultiModelScenarioIsValid() {
        Scenario scenario = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/multi-model.yaml"));

        assertThat(scenario.workloads()).extracting(Workload::target)
                .containsExactly("com.edgetwin.Inference", "com.edgetwin.DefectInspection");
        assertThat(scenario.workloads()).extracting(Workload::topic).containsExactly("inference", "defect-inspection");
    }

    @Test
    void swapIsAddedToMemoryWhenTheScenarioAsksForIt() throws IOException {
        Scenario scenario = reader.read(write(VALID.replace("pids: 512}", "pids: 512, swap: 256m}")));

        assertEquals(1024L * 1024 * 1024, scenario.device().memorySwapBytes());
    }

    @Test
    void theShippedQuickstartScenarioIsValid() {
        Scenario scenario = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/quickstart.yaml"));

        assertEquals("quickstart", scenario.name());
        assertThat(scenario.variants()).extracting(Variant::name).containsExactly("limited", "unlimited");
        assertThat(scenario.variants().get(0).thresholds()).anyMatch(t -> t.readsOtherRuns()
                && t.expr().equals("latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence") && t.confidence() != null);
    }

    @Test
    void theShippedScenariosGateOnTheEffectTheyExistToShow() {
        ScenarioReader shipped = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2);

        Scenario noisy = shipped.read(Path.of("../scenarios/noisy-neighbor.yaml"));
        Scenario release = shipped.read(Path.of("../scenarios/model-release.yaml"));

        assertThat(noisy.variants().get(0).thresholds()).extracting(t -> t.expr())
                .contains("oomKills.device < unlimited.oomKills.device");
        assertThat(release.variants()).extracting(Variant::name).containsExactly("field", "candidate");
        assertThat(release.variants().get(1).thresholds()).allMatch(t -> t.readsOtherRuns());
    }

    @Test
    void aNegativeMemoryIsRefusedNamingTheFieldAndLine() throws IOException {
        Path file = write(VALID.replace("memory: 768m", "memory: -5m"));

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).startsWith(file + ":3:").contains("device.memory").contains("-5m").contains("768m");
    }

    @Test
    void anUnparseableCpuCountIsRefused() throws IOException {
        Path file = write(VALID.replace("cpus: 1.0", "cpus: lots"));

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).contains("device.cpus").contains("'lots' is not a number");
    }

    @Test
    void moreCpusThanTheHostHasAreRefused() throws IOException {
        Path file = write(VALID.replace("cpus: 1.0", "cpus: 3"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("device.cpus").contains("2 cores");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLineAndTheKnownKeys() throws IOException {
        Path file = write(VALID.replace("seed: 7", "seed: 7\nfleet_size: 3"));

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).startsWith(file + ":3:").contains("unknown key 'fleet_size'").contains("workload");
    }

    @Test
    void aYamlSyntaxErrorReportsFileAndLine() throws IOException {
        Path file = write(VALID.replace("seed: 7", "seed: [7"));

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: YAML syntax error.*");
    }

    @Test
    void anUnknownComponentIsRefusedListingTheKnownOnes() throws IOException {
        Path file = write(VALID.replace("com.edgetwin.CpuHog: {version: 1.0.0}", "com.example.Leaker: {version: 1.0.0}"));

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).contains("unknown component 'com.example.Leaker'").contains("com.edgetwin.CpuHog@1.0.0");
    }

    @Test
    void limitsForAComponentTheScenarioDoesNotDeployAreRefused() throws IOException {
        Path file = write(VALID.replace("com.edgetwin.CpuHog: {systemResourceLimits", "com.other.Thing: {systemResourceLimits"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("variants.limited.components.com.other.Thing").contains("unknown component");
    }

    @Test
    void aThresholdThatDoesNotParseIsRefusedWhereItStands() throws IOException {
        Path file = write(VALID.replace("latency.p99 < 50ms", "latency.p98 < 50ms"));

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).startsWith(file + ":14:").contains("latency.p98");
    }

    @Test
    void aZeroRateIsRefused() throws IOException {
        Path file = write(VALID.replace("rate: 50/s", "rate: 0/s"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("workload.rate").contains("above zero");
    }

    @Test
    void aSingleVariantIsRefusedBecauseThereIsNothingToCompare() throws IOException {
        Path file = write(VALID.replace("  unlimited: {}\n", "").replace("thresholds:\n  limited: [\"latency.p99 < 50ms\"]\n", ""));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("variants").contains("two or more");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.yaml");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .isEqualTo(file + ": no such scenario file");
    }

    private static final String RELEASE = """
            name: release
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0, configuration: {model: anomaly-mlp, threads: auto}}
            artifacts:
              store: embedded
              releases:
                - {component: com.edgetwin.Inference, from: 1.0.0, version: 2.0.0, model: anomaly-mlp-x4}
            variants:
              baseline: {}
              candidate:
                components:
                  com.edgetwin.Inference: {version: 2.0.0, configuration: {threads: 1}}
            workload: {target: com.edgetwin.Inference, rate: 50/s, duration: 30s}
            """;

    @Test
    void aVariantTakesAReleasedVersionAndItsOwnConfigurationOfAComponent() throws IOException {
        Scenario scenario = reader.read(write(RELEASE));

        assertEquals("embedded", scenario.artifacts().store());
        assertEquals(new Release("com.edgetwin.Inference", "1.0.0", "2.0.0", "anomaly-mlp-x4"),
                scenario.artifacts().releases().get(0));
        ComponentOverride candidate = scenario.variants().get(1).overrideOf("com.edgetwin.Inference");
        assertEquals("2.0.0", candidate.version().orElseThrow());
        assertEquals(1, candidate.configuration().get("threads"));
        assertEquals(ComponentOverride.NONE, scenario.variants().get(0).overrideOf("com.edgetwin.Inference"));
        assertThat(scenario.variants().get(1).limits()).isEmpty();
    }

    @Test
    void aVariantVersionThatIsNeitherShippedNorReleasedIsRefusedWhereItStands() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> reader.read(write(RELEASE.replace("{version: 2.0.0, configuration", "{version: 9.9.9, configuration"))));

        assertThat(e.getMessage()).contains("scenario.yaml:13:41: variants.candidate.components.com.edgetwin.Inference.version: ").contains("unknown version 9.9.9 of 'com.edgetwin.Inference'")
                .contains("artifacts.releases");
    }

    @Test
    void aReleaseFromARecipeTheImageDoesNotShipIsRefused() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> reader.read(write(RELEASE.replace("from: 1.0.0", "from: 0.9.0"))));

        assertThat(e.getMessage()).contains("no recipe com.edgetwin.Inference@0.9.0 to release from");
    }

    @Test
    void aComparisonWithAVariantTheScenarioLacksIsRefusedAtItsLineAndColumn() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(write(VALID.replace(
                "limited: [\"latency.p99 < 50ms\"]", "limited: [\"latency.p99 < 0.5 * unlimted.latency.p99\"]"))));

        assertThat(e.getMessage()).contains("scenario.yaml:14:13: ")
                .contains("unknown variant 'unlimted'; expected one of [limited, unlimited]");
    }

    @Test
    void comparisonsThatGoRoundInACircleOrMixUnitsAreRefusedWhereTheyStand() throws IOException {
        String circular = VALID.replace("limited: [\"latency.p99 < 50ms\"]",
                "limited: [\"latency.p99 < unlimited.latency.p99\"]\n  unlimited: [\"throughput >= limited.throughput\"]");
        String mixed = VALID.replace("latency.p99 < 50ms", "latency.p99 < unlimited.memory.peak");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(circular))).getMessage())
                .contains("scenario.yaml:14:13: ").contains("circular: 'limited' compares with 'unlimited'");
        assertThat(assertThrows(ScenarioException.class, () -> reader.read(write(mixed))).getMessage())
                .contains("scenario.yaml:14:13: ").contains("latency.p99 is in ms but unlimited.memory.peak is in bytes");
    }

    @Test
    void accuracyWithATimeUnitIsRefusedAtItsLineAndColumnAndWithAPercentageAccepted() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(write(VALID.replace(
                "latency.p99 < 50ms", "accuracy < 10ms"))));

        assertThat(e.getMessage()).contains("scenario.yaml:14:13: ")
                .contains("unit 'ms' does not apply to accuracy; expected % or none for a fraction");
        assertThat(reader.read(write(VALID.replace("latency.p99 < 50ms", "accuracy >= 95%"))).thresholdsReading("limited"))
                .extracting(t -> t.metric().key()).contains("accuracy");
    }

    @Test
    void aScenarioComparisonWithTheBaselineRunIsRefused() throws IOException {
        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(write(VALID.replace(
                "latency.p99 < 50ms", "latency.p99 <= baseline.latency.p99"))));

        assertThat(e.getMessage()).contains("scenario.yaml:14:13: ").contains("only edgetwin gate --baseline");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("scenario.yaml"), yaml);
    }
}
