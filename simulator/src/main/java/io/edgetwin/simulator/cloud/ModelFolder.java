package io.edgetwin.simulator.cloud;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A user's model folder as a release carries it: the manifest ({@code model.yaml}, {@code model.yml} or
 * {@code model.json}; docs/models.md) and the model file it names. The harness checks only what it
 * needs to publish the release and to match the workload's samples; the twin's loader checks the rest
 * (the model against its manifest) when the component starts.
 *
 * @param manifest the manifest file
 * @param modelFile the model file the manifest's {@code file} names
 * @param inputLength the number of values one input has (the product of {@code input.shape})
 */
public record ModelFolder(Path manifest, Path modelFile, int inputLength) {

    static final List<String> MANIFESTS = List.of("model.yaml", "model.yml", "model.json");
    static final List<String> EXTENSIONS = List.of(".pt", ".pth", ".torchscript", ".onnx", ".params");

    /** The files a release uploads: the manifest and the model file. */
    public List<Path> files() {
        return List.of(manifest, modelFile);
    }

    /** @throws IllegalArgumentException naming the folder or file and what was expected */
    public static ModelFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("model folder '" + dir + "' does not exist; expected a folder with a"
                    + " model.yaml manifest and the model file it names (docs/models.md)");
        }
        Path manifest = MANIFESTS.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model folder '" + dir + "' has no manifest; expected one of "
                        + MANIFESTS + " (docs/models.md)"));
        Map<?, ?> fields = fields(manifest);
        if (!(fields.get("file") instanceof String file) || file.isBlank()) {
            throw new IllegalArgumentException("model manifest '" + manifest + "' names no 'file'; expected the model"
                    + " file beside it, e.g. file: model.onnx");
        }
        if (file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("model manifest '" + manifest + "' names file '" + file + "'; a release"
                    + " needs the model file beside its manifest (artifacts are published flat), e.g. file: model.onnx");
        }
        Path modelFile = dir.resolve(file).normalize();
        if (!modelFile.startsWith(dir.normalize()) || !Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("model file '" + modelFile + "' (named in " + manifest + ") does not exist"
                    + " in the model folder");
        }
        String lower = file.toLowerCase(Locale.ROOT);
        if (!fields.containsKey("format") && EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw new IllegalArgumentException("model file '" + modelFile + "' has an extension no engine loads; expected"
                    + " one of " + EXTENSIONS + " or a 'format' in " + manifest);
        }
        return new ModelFolder(manifest, modelFile, inputLength(fields, manifest));
    }

    private static Map<?, ?> fields(Path manifest) {
        try (Reader reader = Files.newBufferedReader(manifest)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (document instanceof Map<?, ?> map) {
                return map;
            }
            throw new IllegalArgumentException("model manifest '" + manifest + "' is not a mapping of fields");
        } catch (IOException | YAMLException e) {
            throw new IllegalArgumentException("model manifest '" + manifest + "' cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static int inputLength(Map<?, ?> fields, Path manifest) {
        if (fields.get("input") instanceof Map<?, ?> input && input.get("shape") instanceof List<?> shape && !shape.isEmpty()
                && shape.stream().allMatch(d -> d instanceof Integer i && i > 0)) {
            return shape.stream().mapToInt(d -> (Integer) d).reduce(1, Math::multiplyExact);
        }
        throw new IllegalArgumentException("model manifest '" + manifest + "' has no input.shape of positive sizes;"
                + " expected e.g. input: {shape: [128]}");
    }
}
