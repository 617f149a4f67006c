package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTrainerTest {

    @ParameterizedTest
    @ValueSource(strings = {"anomaly-mlp", "defect-cnn"})
    void sameSeedWritesIdenticalFiles(String name, @TempDir Path first, @TempDir Path second) throws IOException {
        TrainingPlan tiny = tiny(name);

        Path firstDir = ModelTrainer.train(first, tiny, TrainedModels.QUIET).modelDir();
        Path secondDir = ModelTrainer.train(second, tiny, TrainedModels.QUIET).modelDir();

        for (String file : List.of(name + "-0000.params", "model.json", "samples.csv")) {
            assertArrayEquals(Files.readAllBytes(firstDir.resolve(file)), Files.readAllBytes(secondDir.resolve(file)), file);
        }
    }

    @Test
    void retrainingReplacesTheParameterFileInsteadOfAddingAnother(@TempDir Path outDir) throws IOException {
        ModelTrainer.train(outDir, tiny("anomaly-mlp"), TrainedModels.QUIET);

        Path modelDir = ModelTrainer.train(outDir, tiny("anomaly-mlp"), TrainedModels.QUIET).modelDir();

        try (Stream<Path> files = Files.list(modelDir)) {
            assertEquals(List.of("anomaly-mlp-0000.params"), files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".params"))
                    .toList());
        }
    }

    @Test
    void trainsEveryArchitectureAtWidthOneAndFourByDefault() {
        List<TrainingPlan> plans = ModelTrainer.plans(List.of());

        assertEquals(TrainedModels.NAMES, plans.stream().map(TrainingPlan::name).toList());
        assertEquals(List.of(1, 4, 1, 4), plans.stream().map(TrainingPlan::width).toList());
        assertTrue(plans.stream().allMatch(plan -> plan.seed() == ModelTrainer.DEFAULT_SEED));
    }

    @Test
    void onlyPicksOneModelAndSeedAppliesToIt() {
        List<TrainingPlan> plans = ModelTrainer.plans(List.of("--seed", "7", "--only", "defect-cnn-x4"));

        assertEquals(List.of(TrainingPlan.defectCnn(7, 4)), plans);
    }

    @Test
    void unknownModelNameIsRefusedListingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModelTrainer.plans(List.of("--only", "resnet")));

        assertTrue(refused.getMessage().contains("unknown model 'resnet'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("defect-cnn-x4"), refused.getMessage());
    }

    @Test
    void malformedSeedIsNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModelTrainer.plans(List.of("--seed", "forty-two")));

        assertTrue(refused.getMessage().contains("'forty-two'"), refused.getMessage());
    }

    /** One epoch on a little data: enough to compare bytes, not to be accurate. */
    private static TrainingPlan tiny(String name) {
        TrainingPlan plan = TrainedModels.testPlan(name);
        return plan.architecture() == Architecture.ANOMALY_MLP ? plan.withSizes(2_000, 200, 1) : plan.withSizes(150, 30, 1);
    }
}
