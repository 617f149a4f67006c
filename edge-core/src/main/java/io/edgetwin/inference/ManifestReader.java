package io.edgetwin.inference;

import io.edgetwin.inference.model.InputSpec;
import io.edgetwin.inference.model.ManifestNode;
import io.edgetwin.inference.model.ModelFormat;
import io.edgetwin.inference.model.Preprocessing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ModelManifest} from YAML or JSON; every refusal starts with {@code file:line:column}
 * and names the field and what was expected.
 */
final class ManifestReader {

    private static final Set<String> TOP = Set.of("name", "file", "format", "task", "description", "input",
            "preprocess", "output", "accuracyFloor", "training");
    private static final Set<String> INPUT = Set.of("name", "shape", "dtype");
    private static final Set<String> PREPROCESS = Set.of("scale", "mean", "std");
    private static final Set<String> OUTPUT = Set.of("labels");
    private static final Set<String> TRAINING = Set.of("architecture", "width", "parameters", "seed",
            "heldOutSamples", "heldOutAccuracy");

    private ManifestReader() {}

    static ModelManifest read(Path file) {
        ManifestNode root = ManifestNode.read(file);
        Map<String, ManifestNode> fields = root.fields(TOP);
        String name = required(root, fields, "name").word();
        ManifestNode fileNode = required(root, fields, "file");
        String modelFile = fileNode.word();
        ModelFormat format = format(fields, fileNode, modelFile);
        InputSpec input = input(required(root, fields, "input"));
        List<String> labels = labels(required(root, fields, "output"));
        TrainingRecord training = fields.containsKey("training") ? training(fields.get("training")) : null;
        String task = fields.containsKey("task") ? fields.get("task").word() : "classification";
        String subject = fields.containsKey("description") ? fields.get("description").word() : "input";
        Double floor = fields.containsKey("accuracyFloor") ? fields.get("accuracyFloor").number() : null;
        Preprocessing preprocessing = fields.containsKey("preprocess")
                ? preprocessing(fields.get("preprocess")) : Preprocessing.NONE;
        try {
            return new ModelManifest(name, modelFile, format, input, preprocessing, labels, task, subject, training, floor);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static ManifestNode required(ManifestNode parent, Map<String, ManifestNode> fields, String name) {
        ManifestNode node = fields.get(name);
        if (node == null) {
            throw parent.error("missing field '" + name + "'");
        }
        return node;
    }

    private static ModelFormat format(Map<String, ManifestNode> fields, ManifestNode fileNode, String modelFile) {
        ManifestNode node = fields.containsKey("format") ? fields.get("format") : fileNode;
        try {
            return fields.containsKey("format") ? ModelFormat.fromId(node.word()) : ModelFormat.fromFileName(modelFile);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static InputSpec input(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(INPUT);
        ManifestNode shapeNode = required(node, fields, "shape");
        List<Integer> shape = shapeNode.items().stream().map(item -> {
            long size = item.whole();
            if (size <= 0 || size > Integer.MAX_VALUE) {
                throw item.error("expected a positive size; got " + size);
            }
            return (int) size;
        }).toList();
        try {
            return new InputSpec(fields.containsKey("name") ? fields.get("name").word() : null, shape,
                    fields.containsKey("dtype") ? fields.get("dtype").word() : InputSpec.FLOAT32);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static List<String> labels(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(OUTPUT);
        ManifestNode labels = fields.get("labels");
        if (labels == null) {
            throw node.error("missing field 'labels': the twin serves classifiers; list the class labels in the order"
                    + " of the network's outputs");
        }
        return labels.items().stream().map(ManifestNode::word).toList();
    }

    private static Preprocessing preprocessing(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(PREPROCESS);
        try {
            return new Preprocessing(fields.containsKey("scale") ? fields.get("scale").number() : 1.0,
                    fields.containsKey("mean") ? fields.get("mean").numbers() : List.of(0.0),
                    fields.containsKey("std") ? fields.get("std").numbers() : List.of(1.0));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static TrainingRecord training(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(TRAINING);
        ManifestNode architectureNode = required(node, fields, "architecture");
        Architecture architecture;
        try {
            architecture = Architecture.fromId(architectureNode.word());
        } catch (IllegalArgumentException e) {
            throw architectureNode.error(e.getMessage());
        }
        try {
            return new TrainingRecord(architecture, (int) required(node, fields, "width").whole(),
                    required(node, fields, "parameters").whole(), required(node, fields, "seed").whole(),
                    (int) required(node, fields, "heldOutSamples").whole(),
                    required(node, fields, "heldOutAccuracy").number());
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(node.file().toString())) {
                throw e;
            }
            throw node.error(e.getMessage());
        }
    }
}
