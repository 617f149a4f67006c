package io.edgetwin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgetwin.inference.model.InputSpec;
import io.edgetwin.inference.model.ModelFormat;
import io.edgetwin.inference.model.Preprocessing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A model's manifest ({@code model.yaml} or {@code model.json} beside the model file; docs/models.md):
 * which file holds the model and in which format, what one input is and how it is preprocessed, what
 * the outputs mean, and how to judge the model. User models (TorchScript, ONNX) and the built-in
 * models (DJL {@code .params}, with a {@link TrainingRecord}) use the same format and the same loader.
 *
 * @param name the model's name, shown in answers
 * @param file the model file, relative to the manifest's folder
 * @param format the model file's format (from {@code format}, or the file's extension)
 * @param input what one input is
 * @param preprocessing what is done to each input before the network sees it
 * @param labels class labels in the order of the network's outputs (at least 2)
 * @param task the answers' {@code inference-type}, e.g. {@code anomaly-detection}
 * @param subject what one input is, for the answers' {@code inference-description}
 * @param training how a built-in model was trained; null for user models
 * @param accuracyFloor the lowest accuracy on the samples a model check accepts; null for none
 */
public record ModelManifest(String name, String file, ModelFormat format, InputSpec input,
        Preprocessing preprocessing, List<String> labels, String task, String subject, TrainingRecord training,
        Double accuracyFloor) {

    /** The manifest file the build writes beside a built-in model. */
    public static final String FILE_NAME = "model.json";
    /** The manifest names looked for in a model folder, in this order. */
    public static final List<String> FILE_NAMES = List.of("model.yaml", "model.yml", FILE_NAME);

    public ModelManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(subject, "subject");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (labels.size() < 2 || labels.stream().anyMatch(String::isBlank) || Set.copyOf(labels).size() != labels.size()) {
            throw new IllegalArgumentException("model '" + name + "' needs >= 2 distinct labels; got " + labels);
        }
        if (Path.of(file).isAbsolute() || Path.of(file).normalize().startsWith("..")) {
            throw new IllegalArgumentException("model '" + name + "': file '" + file
                    + "' must be a path relative to the manifest's folder, inside it");
        }
        preprocessing.checkFits(input);
        if (format == ModelFormat.DJL_PARAMS) {
            requireTrainingFits(name, input, training);
        }
        if (accuracyFloor != null && !(accuracyFloor >= 0.0 && accuracyFloor <= 1.0)) {
            throw new IllegalArgumentException("model '" + name + "': accuracyFloor must be in [0, 1]; got " + accuracyFloor);
        }
    }

    private static void requireTrainingFits(String name, InputSpec input, TrainingRecord training) {
        if (training == null) {
            throw new IllegalArgumentException("model '" + name + "': a DJL .params model needs a 'training' section"
                    + " naming its architecture and width (the file holds weights, not the network)");
        }
        Architecture architecture = training.architecture();
        if (!input.shape().equals(architecture.inputShape())) {
            throw new IllegalArgumentException("model '" + name + "': architecture '" + architecture.id()
                    + "' takes inputs of shape " + architecture.inputShape() + "; got input.shape " + input.shape());
        }
    }

    /** The manifest of a model our build trained (DJL {@code .params}, no preprocessing). */
    public static ModelManifest trained(String name, Architecture architecture, int width, List<Integer> inputShape,
            List<String> labels, long parameters, long seed, int heldOutSamples, double heldOutAccuracy) {
        return new ModelManifest(name, name + "-0000.params", ModelFormat.DJL_PARAMS, InputSpec.of(inputShape),
                Preprocessing.NONE, labels, architecture.inferenceType(), architecture.subject(),
                new TrainingRecord(architecture, width, parameters, seed, heldOutSamples, heldOutAccuracy), null);
    }

    /** The number of values in one flattened input: the product of the input shape. */
    public int inputLength() {
        return input.length();
    }

    /** The shape of one input, without the batch dimension. */
    public List<Integer> inputShape() {
        return input.shape();
    }

    /** The built-in model's architecture. @throws IllegalStateException for a user model */
    public Architecture architecture() {
        return requireTraining().architecture();
    }

    /** The built-in model's width. */
    public int width() {
        return requireTraining().width();
    }

    /** The built-in model's trainable parameter count. */
    public long parameters() {
        return requireTraining().parameters();
    }

    /** How many held-out samples the built-in model was judged on. */
    public int heldOutSamples() {
        return requireTraining().heldOutSamples();
    }

    /** The built-in model's accuracy on its held-out samples. */
    public double heldOutAccuracy() {
        return requireTraining().heldOutAccuracy();
    }

    private TrainingRecord requireTraining() {
        if (training == null) {
            throw new IllegalStateException("model '" + name + "' is a " + format.id() + " model with no training record");
        }
        return training;
    }

    /** The same manifest with the measured held-out accuracy. */
    public ModelManifest withHeldOutAccuracy(double accuracy) {
        TrainingRecord t = requireTraining();
        return new ModelManifest(name, file, format, input, preprocessing, labels, task, subject,
                new TrainingRecord(t.architecture(), t.width(), t.parameters(), t.seed(), t.heldOutSamples(), accuracy),
                accuracyFloor);
    }

    /**
     * The manifest in {@code modelDir} ({@code model.yaml}, {@code model.yml} or {@code model.json}), or
     * the manifest file itself when {@code path} is one.
     *
     * @throws IllegalArgumentException naming the file, the place and what was expected
     */
    public static ModelManifest readFrom(Path path) {
        return ManifestReader.read(locate(path));
    }

    /** The manifest file {@code path} names: itself, or the first of {@link #FILE_NAMES} in the folder. */
    public static Path locate(Path path) {
        if (!Files.isDirectory(path)) {
            if (Files.isRegularFile(path)) {
                return path;
            }
            throw new IllegalArgumentException("model folder or manifest '" + path + "' does not exist");
        }
        return FILE_NAMES.stream().map(path::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model manifest '" + path.resolve(FILE_NAME)
                        + "' does not exist; expected one of " + FILE_NAMES + " in " + path));
    }

    /** Writes {@code <modelDir>/model.json}, replacing an older one. */
    public void writeTo(Path modelDir) {
        Path target = modelDir.resolve(FILE_NAME);
        try {
            Files.writeString(target, Writer.JSON.writeValueAsString(toJson()) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model manifest '" + target + "'", e);
        }
    }

    /** The manifest writer's mapper, created on first write only: reading a model must not load jackson-databind. */
    private static final class Writer {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("file", file);
        if (format != ModelFormat.fromFileName(file)) {
            json.put("format", format.id());
        }
        json.put("task", task);
        json.put("description", subject);
        Map<String, Object> in = new LinkedHashMap<>();
        if (input.name() != null) {
            in.put("name", input.name());
        }
        in.put("shape", input.shape());
        in.put("dtype", input.dtype());
        json.put("input", in);
        if (!preprocessing.isIdentity()) {
            json.put("preprocess", Map.of("scale", preprocessing.scale(), "mean", preprocessing.mean(),
                    "std", preprocessing.std()));
        }
        json.put("output", Map.of("labels", labels));
        if (accuracyFloor != null) {
            json.put("accuracyFloor", accuracyFloor);
        }
        if (training != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("architecture", training.architecture().id());
            t.put("width", training.width());
            t.put("parameters", training.parameters());
            t.put("seed", training.seed());
            t.put("heldOutSamples", training.heldOutSamples());
            t.put("heldOutAccuracy", training.heldOutAccuracy());
            json.put("training", t);
        }
        return json;
    }
}
