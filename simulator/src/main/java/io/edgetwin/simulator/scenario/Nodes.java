package io.edgetwin.simulator.scenario;

import java.util.Map;

/** Lookups shared by the scenario readers. */
final class Nodes {

    private Nodes() {
    }

    static Node required(Node parent, Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        if (node == null) {
            throw parent.error("'" + key + "' is missing");
        }
        return node;
    }

    static Integer twin(Node node, int twins) {
        long twin = node.wholeNumber();
        if (twin < 1 || twin > twins) {
            throw node.error("twin " + twin + " does not exist; expected 1 to " + twins + " (fleet.twins)");
        }
        return (int) twin;
    }
}
