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
 * What {@code model.json} says about a trained model: enough to rebuild its block and to judge it
 * without running it.
 *
 * @param name the parameter file prefix ({@code <name>-0000.params}) and the model's name
 * @param labels class labels in the order of the network's outputs
 * @param inputLength samples per input window
 * @param widthMultiplier the {@link AnomalyNet} width multiplier the weights were trained with
 * @param seed the seed the training data and engine were seeded with
 * @param heldOutAccuracy accuracy on the held-out windows written beside the model
 * @param parameterCount number of trainable scalars
 */
public record ModelManifest(
        String name,
        List<String> labels,
        int inputLength,
        int widthMultiplier,
        long seed,
        double heldOutAccuracy,
        long parameterCount) {

    public static final String FILE_NAME = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelManifest {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("model '" + name + "' needs >= 2 labels; got " + labels);
        }
        requirePositive(name, "inputLength", inputLength);
        requirePositive(name, "widthMultiplier", widthMultiplier);
        requirePositive(name, "parameterCount", parameterCount);
        if (!(heldOutAccuracy >= 0.0 && heldOutAccuracy <= 1.0)) {
            throw new IllegalArgumentException(
                    "model '" + name + "': heldOutAccuracy must be in [0, 1]; got " + heldOutAccuracy);
        }
    }

    /** The same manifest with the measured held-out accuracy. */
    public ModelManifest withHeldOutAccuracy(double accuracy) {
        return new ModelManifest(name, labels, inputLength, widthMultiplier, seed, accuracy, parameterCount);
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
