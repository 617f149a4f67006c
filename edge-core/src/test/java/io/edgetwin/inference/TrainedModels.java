package io.edgetwin.inference;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The build's model variants, each trained at most once per test JVM through
 * {@link ModelTrainer#train}, the code path of the build step. The MLPs keep their full plans (on
 * fewer windows they overfit below 0.95); the CNNs train on fewer images, which costs them about
 * one point of accuracy.
 */
final class TrainedModels {

    static final long SEED = ModelTrainer.DEFAULT_SEED;
    /** Evaluation inputs come from another seed than anything the trainer generated. */
    static final long EVALUATION_SEED = 7;
    static final List<String> NAMES = List.of("anomaly-mlp", "anomaly-mlp-x4", "defect-cnn", "defect-cnn-x4");
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static final Map<String, ModelTrainer.TrainedModel> TRAINED = new HashMap<>();
    private static Path outDir;

    private TrainedModels() {}

    /** The model named {@code name}, trained on first use. */
    static synchronized ModelTrainer.TrainedModel get(String name) {
        return TRAINED.computeIfAbsent(name, n -> ModelTrainer.train(outDir(), testPlan(n), QUIET));
    }

    static Path dir(String name) {
        return get(name).modelDir();
    }

    /** The build's plan for {@code name}, on fewer images for the CNNs. */
    static TrainingPlan testPlan(String name) {
        TrainingPlan plan = TrainingPlan.all(SEED).stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plan named " + name));
        return switch (plan.architecture()) {
            case ANOMALY_MLP -> plan;
            case DEFECT_CNN -> plan.width() == 1 ? plan.withSizes(2_400, 240, 6) : plan.withSizes(1_800, 240, 4);
        };
    }

    /** Fresh balanced inputs for {@code architecture}, never seen by any training run. */
    static List<LabeledSample> evaluationSet(Architecture architecture) {
        int count = architecture == Architecture.ANOMALY_MLP ? 2_000 : 600;
        return architecture.balancedSamples(new SplittableRandom(EVALUATION_SEED), count);
    }

    private static Path outDir() {
        if (outDir == null) {
            try {
                outDir = Files.createTempDirectory("edgetwin-models-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(outDir)));
        }
        return outDir;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing the run for
        }
    }
}
