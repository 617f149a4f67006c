package io.edgetwin.inference;

import java.util.List;
import java.util.Objects;

/**
 * How to train one model variant: its name, network and width, the seed, how much data and how long.
 *
 * <p>The menu ({@link #anomalyMlp}, {@link #defectCnn}, {@link #all}) holds the plans the build trains;
 * tests shrink them with {@link #withSizes} and run the same {@link ModelTrainer#train} code path.
 * Variants of one architecture share the seed, so a ×1 baseline and a ×4 candidate are trained and
 * judged on the same data.
 *
 * @param name the model's name and directory, e.g. {@code defect-cnn-x4}
 * @param seed fixes the data, the initial weights and the batch order
 * @param trainingSamples balanced inputs to train on
 * @param heldOutSamples balanced inputs never trained on, kept for the accuracy figure and
 *     {@code samples.csv}
 * @param learningRate Adam's rate at the start
 * @param finalLearningRate the rate at the last step, reached along a cosine; equal to
 *     {@code learningRate} for a fixed rate
 */
public record TrainingPlan(
        String name, Architecture architecture, int width, long seed,
        int trainingSamples, int heldOutSamples, int epochs, int batchSize,
        float learningRate, float finalLearningRate) {

    public TrainingPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        requirePositive(name, "width", width);
        requirePositive(name, "trainingSamples", trainingSamples);
        requirePositive(name, "heldOutSamples", heldOutSamples);
        requirePositive(name, "epochs", epochs);
        requirePositive(name, "batchSize", batchSize);
        if (!(learningRate > 0f && finalLearningRate > 0f && finalLearningRate <= learningRate)) {
            throw new IllegalArgumentException("plan '" + name + "': learning rates must satisfy 0 < final <= start; got "
                    + learningRate + " → " + finalLearningRate);
        }
    }

    /**
     * The vibration-window MLP: many fresh windows and few epochs, because the network overfits a
     * small set (10k windows: 0.99 train, 0.89 held out). Width 1 is {@code anomaly-mlp}, the
     * walking skeleton's model, unchanged; width 4 is {@code anomaly-mlp-x4}.
     */
    public static TrainingPlan anomalyMlp(long seed, int width) {
        return new TrainingPlan(variantName(Architecture.ANOMALY_MLP, width), Architecture.ANOMALY_MLP, width, seed,
                60_000, 2_000, 6, 64, 2e-3f, 2e-3f);
    }

    /**
     * The part-image CNN: a few thousand images, a rate high enough to leave the chance plateau
     * quickly and a cosine decay so the last epochs settle instead of jumping between batch-norm
     * states. Held out: 240 images (80 per label), small enough to ship as {@code samples.csv}.
     */
    public static TrainingPlan defectCnn(long seed, int width) {
        return new TrainingPlan(variantName(Architecture.DEFECT_CNN, width), Architecture.DEFECT_CNN, width, seed,
                3_000, 240, width == 1 ? 8 : 4, 32, width == 1 ? 1e-2f : 4e-3f, 2e-4f);
    }

    /** Every model the build trains: each architecture at width 1 and 4. */
    public static List<TrainingPlan> all(long seed) {
        return List.of(anomalyMlp(seed, 1), anomalyMlp(seed, 4), defectCnn(seed, 1), defectCnn(seed, 4));
    }

    /** The same plan on less (or more) data, for a quicker run of the same code path. */
    public TrainingPlan withSizes(int trainingSamples, int heldOutSamples, int epochs) {
        return new TrainingPlan(name, architecture, width, seed, trainingSamples, heldOutSamples, epochs, batchSize,
                learningRate, finalLearningRate);
    }

    /** {@code anomaly-mlp} for width 1, {@code anomaly-mlp-x4} for width 4. */
    static String variantName(Architecture architecture, int width) {
        return width == 1 ? architecture.id() : architecture.id() + "-x" + width;
    }

    private static void requirePositive(String name, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("plan '" + name + "': " + field + " must be > 0; got " + value);
        }
    }
}
