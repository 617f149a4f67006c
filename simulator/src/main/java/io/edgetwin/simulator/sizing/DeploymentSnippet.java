package io.edgetwin.simulator.sizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * deployment-snippet.json: the {@code components} block of a Greengrass deployment (REFERENCE §2) with the
 * recommended {@code runWith.systemResourceLimits} (memory in KB, cpus in cores), ready to merge into a
 * deployment document.
 */
final class DeploymentSnippet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeploymentSnippet() {
    }

    static ObjectNode of(String component, String version, Caps caps) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode node = root.putObject("components").putObject(component);
        node.put("version", version);
        node.putObject("runWith").putObject("systemResourceLimits").put("memory", caps.memoryKb()).put("cpus", caps.cpus());
        return root;
    }
}
