package io.edgetwin.simulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Plain Java values of a checked node tree: scalars as SnakeYAML's safe constructor reads their tag
 * (whose value {@link ScenarioYaml} has already checked), mappings with text keys in file order, lists.
 */
final class Plain {

    private static final SafeConstructor CONSTRUCTOR = new SafeConstructor(new LoaderOptions());

    private Plain() {
    }

    /** Null for no node (an empty file). */
    static Object of(org.yaml.snakeyaml.nodes.Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                map.put(String.valueOf(of(tuple.getKeyNode())), of(tuple.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(of(item)));
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.INT)) {
            return CONSTRUCTOR.new ConstructYamlInt().construct(scalar);
        }
        if (tag.equals(Tag.FLOAT)) {
            return CONSTRUCTOR.new ConstructYamlFloat().construct(scalar);
        }
        if (tag.equals(Tag.BOOL)) {
            return CONSTRUCTOR.new ConstructYamlBool().construct(scalar);
        }
        return tag.equals(Tag.NULL) ? null : scalar.getValue();
    }
}
