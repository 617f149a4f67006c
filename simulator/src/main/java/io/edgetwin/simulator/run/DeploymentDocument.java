package io.edgetwin.simulator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.simulator.scenario.ComponentLimits;
import io.edgetwin.simulator.scenario.ComponentOverride;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.Variant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a scenario variant into the Greengrass cloud deployment document (REFERENCE §2) that each twin's
 * core applies: every component with its version, its configuration as a merge, and the variant's
 * {@code runWith.systemResourceLimits}. A variant's own version and configuration of a component (its
 * {@link ComponentOverride}) win over the scenario's; configurations merge key by key.
 */
public final class DeploymentDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeploymentDocument() {
    }

    public static String of(Scenario scenario, Variant variant, String runId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("deploymentId", scenario.name() + "-" + variant.name() + "-" + runId);
        ObjectNode components = root.putObject("components");
        for (ScenarioComponent c : scenario.components().values()) {
            ComponentOverride override = variant.overrideOf(c.name());
            ObjectNode node = components.putObject(c.name()).put("version", override.version().orElse(c.version()));
            Map<String, Object> configuration = new LinkedHashMap<>(c.configuration());
            configuration.putAll(override.configuration());
            node.putObject("configurationUpdate").set("merge", JSON.valueToTree(configuration));
            ComponentLimits limits = variant.limitsOf(c.name());
            if (limits != null) {
                ObjectNode resourceLimits = node.putObject("runWith").putObject("systemResourceLimits");
                if (limits.memoryKb() != null) {
                    resourceLimits.put("memory", limits.memoryKb());
                }
                if (limits.cpus() != null) {
                    resourceLimits.put("cpus", limits.cpus());
                }
            }
        }
        root.put("failureHandlingPolicy", "DO_NOTHING");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("deployment document cannot be written", e);
        }
    }
}
