package io.edgetwin.inference.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One value of a model manifest (YAML, or JSON, which YAML reads too) with where it stands, so every
 * error says {@code file:line:column}, the field and what was expected.
 */
public final class ManifestNode {

    /** Manifests are a few hundred bytes; anything larger is not one. */
    public static final long MAX_BYTES = 64 * 1024;

    private final Path file;
    private final String path;
    private final Node node;

    private ManifestNode(Path file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * Reads {@code file}'s single document, which must be a mapping.
     *
     * @throws IllegalArgumentException naming the file (and place) when it is missing, too large or not YAML
     */
    public static ManifestNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model manifest '" + file + "' does not exist or is not a file");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("model manifest '" + file + "' is " + Files.size(file)
                        + " bytes; expected at most " + MAX_BYTES);
            }
            try (Reader reader = Files.newBufferedReader(file)) {
                Node root = new Yaml(options).compose(reader);
                if (!(root instanceof MappingNode)) {
                    throw new IllegalArgumentException(file + ":1:1: model manifest must be a mapping of fields"
                            + " (name, file, input, output, ...)");
                }
                return new ManifestNode(file, "", root);
            }
        } catch (YAMLException e) {
            throw new IllegalArgumentException("model manifest '" + file + "' is not valid YAML or JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model manifest '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The manifest file. */
    public Path file() {
        return file;
    }

    /** {@code file:line:column} of this value. */
    public String where() {
        Mark mark = node.getStartMark();
        return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** An error at this value: {@code file:line:column: field: message}. */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(where() + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** The fields of this mapping, refusing any not in {@code allowed}. */
    public Map<String, ManifestNode> fields(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping with " + allowed);
        }
        Map<String, ManifestNode> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            ManifestNode key = new ManifestNode(file, path, tuple.getKeyNode());
            String name = key.text();
            if (!allowed.contains(name)) {
                throw key.error("unknown field '" + name + "'; expected one of " + allowed.stream().sorted().toList());
            }
            fields.put(name, new ManifestNode(file, path.isEmpty() ? name : path + "." + name, tuple.getValueNode()));
        }
        return fields;
    }

    /** A scalar as text. */
    public String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value");
        }
        return scalar.getValue();
    }

    /** A non-blank scalar. */
    public String word() {
        String text = text();
        if (text.isBlank()) {
            throw error("must not be blank");
        }
        return text;
    }

    /** A number. */
    public double number() {
        try {
            double value = Double.parseDouble(text());
            if (!Double.isFinite(value)) {
                throw error("expected a finite number; got '" + text() + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("expected a number; got '" + text() + "'");
        }
    }

    /** A whole number. */
    public long whole() {
        try {
            return Long.parseLong(text());
        } catch (NumberFormatException e) {
            throw error("expected a whole number; got '" + text() + "'");
        }
    }

    /** The items of a list. */
    public List<ManifestNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list");
        }
        List<ManifestNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new ManifestNode(file, path + "[" + i + "]", values.get(i)));
        }
        return items;
    }

    /** One number, or a list of numbers. */
    public List<Double> numbers() {
        if (node instanceof ScalarNode) {
            return List.of(number());
        }
        return items().stream().map(ManifestNode::number).toList();
    }
}
