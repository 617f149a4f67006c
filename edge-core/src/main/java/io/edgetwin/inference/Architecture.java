package io.edgetwin.inference;

import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The model families the twin knows: each pairs a network definition with the synthetic data it is
 * trained on, the labels of its outputs and the shape of one input.
 *
 * <p>{@code model.json} names the architecture by {@link #id()}; a fresh JVM rebuilds the block
 * from here before loading the weights, because DJL's {@code .params} files hold only the weights.
 */
public enum Architecture {

    /** Vibration-window anomaly detection: {@link AnomalyNet} on {@link VibrationWindows}. */
    ANOMALY_MLP("anomaly-mlp", "anomaly-detection", "vibration window",
            VibrationWindows.LABELS, List.of(VibrationWindows.WINDOW_LENGTH)) {
        @Override
        public Block block(int width, int classes) {
            return AnomalyNet.block(width, classes);
        }

        @Override
        public List<LabeledSample> balancedSamples(RandomGenerator random, int count) {
            return new VibrationWindows(random).balanced(count);
        }
    },

    /** Visual defect classification: {@link DefectNet} on {@link PartImages}. */
    DEFECT_CNN("defect-cnn", "defect-classification", "part image",
            PartImages.LABELS, PartImages.INPUT_SHAPE) {
        @Override
        public Block block(int width, int classes) {
            return DefectNet.block(width, classes);
        }

        @Override
        public List<LabeledSample> balancedSamples(RandomGenerator random, int count) {
            return new PartImages(random).balanced(count);
        }
    };

    private final String id;
    private final String inferenceType;
    private final String subject;
    private final List<String> labels;
    private final List<Integer> inputShape;

    Architecture(String id, String inferenceType, String subject, List<String> labels, List<Integer> inputShape) {
        this.id = id;
        this.inferenceType = inferenceType;
        this.subject = subject;
        this.labels = labels;
        this.inputShape = inputShape;
    }

    /** An uninitialized block of this family, {@code width} times as wide as the smallest variant. */
    public abstract Block block(int width, int classes);

    /** {@code count} seeded inputs, equally many of every label, in shuffled order. */
    public abstract List<LabeledSample> balancedSamples(RandomGenerator random, int count);

    /** The name in {@code model.json}, e.g. {@code defect-cnn}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The response's {@code inference-type}. */
    public String inferenceType() {
        return inferenceType;
    }

    /** What one input is, for the response's {@code inference-description}. */
    public String subject() {
        return subject;
    }

    /** The labels of the network's outputs, in order. */
    public List<String> labels() {
        return labels;
    }

    /** The shape of one input, without the batch dimension. */
    public List<Integer> inputShape() {
        return inputShape;
    }

    @JsonCreator
    public static Architecture fromId(String id) {
        return Arrays.stream(values())
                .filter(architecture -> architecture.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown architecture '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(Architecture::id).toList()));
    }
}
