package io.edgetwin.simulator.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that knows where it came from ({@code file:line:column}) and its dotted path in the
 * scenario, so every error can say where and what. Mappings refuse keys they do not know.
 */
final class Node {

    private final String file;
    private final String path;
    private final org.yaml.snakeyaml.nodes.Node yaml;

    Node(String file, String path, org.yaml.snakeyaml.nodes.Node yaml) {
        this.file = file;
        this.path = path;
        this.yaml = yaml;
    }

    String path() {
        return path;
    }

    String where() {
        return file + ":" + (yaml.getStartMark().getLine() + 1) + ":" + (yaml.getStartMark().getColumn() + 1);
    }

    ScenarioException error(String problem) {
        return new ScenarioException(where() + ": " + (path.isEmpty() ? "" : shown(path, 200) + ": ") + shown(problem, 1000));
    }

    /**
     * At most {@code max} characters of {@code value}, then its length, with line breaks escaped: a 1 MB
     * value makes a one-line error (edge-core's {@code Excerpt}, duplicated with {@link ScenarioYaml}).
     */
    static String shown(String value, int max) {
        String cut = value.length() > max ? value.substring(0, max) : value;
        StringBuilder out = new StringBuilder(cut.length() + 16);
        cut.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.length() > max ? out + "…(" + value.length() + " chars)" : out.toString();
    }

    /**
     * The value as plain Java (maps in file order, lists, text, numbers, booleans, null), for sections
     * passed on as they are (component configuration). The tree is bounded and acyclic ({@link ScenarioYaml}).
     */
    Object plain() {
        return Plain.of(yaml);
    }

    /** The entries of a mapping, in file order, after checking every key is one of {@code allowed}. */
    Map<String, Node> mapping(Set<String> allowed) {
        Map<String, Node> entries = entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "'; expected one of " + new TreeSet<>(allowed));
            }
        }
        return entries;
    }

    /** The entries of a mapping whose keys are free (component names, variant names). */
    Map<String, Node> entries() {
        if (!(yaml instanceof MappingNode mapping)) {
            throw error("is " + kind() + "; expected a mapping of key: value");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new Node(file, path, tuple.getKeyNode()).error("has a key that is not plain text");
            }
            String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
            Node value = new Node(file, child, tuple.getValueNode());
            if (entries.put(key.getValue(), value) != null) {
                throw new Node(file, child, key).error("is given twice");
            }
        }
        return entries;
    }

    boolean isSequence() {
        return yaml instanceof SequenceNode;
    }

    /** The 1-based line this node starts on. */
    int line() {
        return yaml.getStartMark().getLine() + 1;
    }

    List<Node> sequence() {
        if (!(yaml instanceof SequenceNode sequence)) {
            throw error("is " + kind() + "; expected a list");
        }
        return java.util.stream.IntStream.range(0, sequence.getValue().size())
                .mapToObj(i -> new Node(file, path + "[" + i + "]", sequence.getValue().get(i)))
                .toList();
    }

    String text() {
        if (!(yaml instanceof ScalarNode scalar)) {
            throw error("is " + kind() + "; expected a single value");
        }
        return scalar.getValue();
    }

    boolean isEmptyValue() {
        return yaml instanceof ScalarNode scalar && (scalar.getValue().isEmpty() || scalar.getValue().equals("null") || scalar.getValue().equals("~"));
    }

    long wholeNumber() {
        try {
            return Long.parseLong(text().trim());
        } catch (NumberFormatException e) {
            throw error("'" + shown(text(), 80) + "' is not a whole number");
        }
    }

    double number() {
        try {
            return Double.parseDouble(text().trim());
        } catch (NumberFormatException e) {
            throw error("'" + shown(text(), 80) + "' is not a number");
        }
    }

    private String kind() {
        if (yaml instanceof MappingNode) {
            return "a mapping";
        }
        return yaml instanceof SequenceNode ? "a list" : "'" + shown(((ScalarNode) yaml).getValue(), 80) + "'";
    }
}
