package io.edgetwin.simulator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import io.edgetwin.simulator.fault.Fault;
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
        return of(scenario, variant, scenario.name() + "-" + variant.name() + "-" + runId, List.of(), List.of());
    }

    /**
     * The variant's document with fault changes on top: {@code neighbours} deployed beside the scenario's
     * components (with the variant's limits for them, if any), and {@code changes} replacing a
     * component's limits (later changes win, field by field).
     */
    public static String of(Scenario scenario, Variant variant, String deploymentId, List<Fault.Neighbour> neighbours,
                            List<Fault.Limits> changes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("deploymentId", deploymentId);
        ObjectNode components = root.putObject("components");
        List<ScenarioComponent> all = new ArrayList<>(scenario.components().values());
        neighbours.forEach(n -> all.add(new ScenarioComponent(n.component(), n.version(), n.configuration())));
        for (ScenarioComponent c : all) {
            ComponentOverride override = variant.overrideOf(c.name());
            ObjectNode node = components.putObject(c.name()).put("version", override.version().orElse(c.version()));
            Map<String, Object> configuration = new LinkedHashMap<>(c.configuration());
            configuration.putAll(override.configuration());
            node.putObject("configurationUpdate").set("merge", JSON.valueToTree(configuration));
            ComponentLimits limits = changed(variant.limitsOf(c.name()), c.name(), changes);
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

    private static ComponentLimits changed(ComponentLimits limits, String component, List<Fault.Limits> changes) {
        ComponentLimits result = limits;
        for (Fault.Limits change : changes) {
            if (change.component().equals(component)) {
                Long memory = change.memoryKb() != null ? change.memoryKb() : result == null ? null : result.memoryKb();
                Double cpus = change.cpus() != null ? change.cpus() : result == null ? null : result.cpus();
                result = new ComponentLimits(memory, cpus);
            }
        }
        return result;
    }
}
