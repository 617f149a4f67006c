package io.edgetwin.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code model.json} says about a trained model: enough to rebuild its block, to shape its
 * input and to judge it without running it.
 *
 * @param name the model's name and parameter file prefix ({@code <name>-0000.params})
 * @param architecture the network family, which fixes the block and the data it was trained on
 * @param width the width multiplier the weights were trained with (1, 4, ...)
 * @param inputShape the shape of one input without the batch dimension, e.g. {@code [128]} or
 *     {@code [1, 64, 64]}; requests carry it flattened in row-major order
 * @param labels class labels in the order of the network's outputs
 * @param parameters number of trainable scalars (batch-norm running statistics not counted)
 * @param seed the seed the training data and engine were seeded with
 * @param heldOutSamples how many held-out inputs the accuracy was measured on (those in
 *     {@code samples.csv})
 * @param heldOutAccuracy accuracy on those held-out inputs
 */
public record ModelManifest(
        String name,
        Architecture architecture,
        int width,
        List<Integer> inputShape,
        List<String> labels,
        long parameters,
        long seed,
        int heldOutSamples,
        double heldOutAccuracy) {

    public static final String FILE_NAME = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        inputShape = List.copyOf(Objects.requireNonNull(inputShape, "inputShape"));
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("model '" + name + "' needs >= 2 labels; got " + labels);
        }
        if (!inputShape.equals(architecture.inputShape())) {
            throw new IllegalArgumentException("model '" + name + "': architecture '" + architecture.id()
                    + "' takes inputs of shape " + architecture.inputShape() + "; got inputShape " + inputShape);
        }
        requirePositive(name, "width", width);
        requirePositive(name, "parameters", parameters);
        requirePositive(name, "heldOutSamples", heldOutSamples);
        if (!(heldOutAccuracy >= 0.0 && heldOutAccuracy <= 1.0)) {
            throw new IllegalArgumentException(
                    "model '" + name + "': heldOutAccuracy must be in [0, 1]; got " + heldOutAccuracy);
        }
    }

    /** The number of values in one flattened input: the product of {@link #inputShape}. */
    public int inputLength() {
        return inputShape.stream().mapToInt(Integer::intValue).reduce(1, Math::multiplyExact);
    }

    /** The same manifest with the measured held-out accuracy. */
    public ModelManifest withHeldOutAccuracy(double accuracy) {
        return new ModelManifest(name, architecture, width, inputShape, labels, parameters, seed,
                heldOutSamples, accuracy);
    }

    /** Reads {@code <modelDir>/model.json}; a missing or malformed file is named in the exception. */
    public static ModelManifest readFrom(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            return JSON.readValue(Files.readString(file), ModelManifest.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model manifest '" + file + "' does not exist", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "model manifest '" + file + "' is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model manifest '" + file + "'", e);
        }
    }

    /** Writes {@code <modelDir>/model.json}, replacing an older one. */
    public void writeTo(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            Files.writeString(file, JSON.writeValueAsString(this) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model manifest '" + file + "'", e);
        }
    }

    private static void requirePositive(String name, String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("model '" + name + "': " + field + " must be > 0; got " + value);
        }
    }
}
