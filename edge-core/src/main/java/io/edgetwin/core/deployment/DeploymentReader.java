package io.edgetwin.core.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.core.resources.ResourceLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reads the cloud deployment document of REFERENCE §2 (JSON). Errors name the source and the field. */
public final class DeploymentReader {

    private final ObjectMapper json = new ObjectMapper();

    public Deployment read(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DeploymentException(file + ": cannot read deployment: " + e.getMessage());
        }
    }

    public Deployment parse(String source, byte[] document) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new DeploymentException(source + ": not a JSON deployment document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DeploymentException(source + ": cannot read deployment: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DeploymentException(source + ": expected a JSON object");
        }
        String id = root.path("deploymentId").asText("local");
        JsonNode components = root.path("components");
        if (!components.isObject()) {
            throw new DeploymentException(source + ": components is missing; expected an object keyed by component name");
        }
        List<DeploymentComponent> parsed = new ArrayList<>();
        components.fields().forEachRemaining(e -> parsed.add(component(source, e.getKey(), e.getValue())));
        return new Deployment(id, parsed);
    }

    private DeploymentComponent component(String source, String name, JsonNode node) {
        String where = source + ": components." + name;
        JsonNode version = node.path("version");
        if (!version.isTextual()) {
            throw new DeploymentException(where + ".version is missing; expected a version such as \"1.0.0\"");
        }
        JsonNode merge = node.path("configurationUpdate").path("merge");
        @SuppressWarnings("unchecked")
        Map<String, Object> configuration = merge.isObject() ? json.convertValue(merge, Map.class) : Map.of();
        return new DeploymentComponent(name, version.asText(), configuration,
                limits(where, node.path("runWith").path("systemResourceLimits")));
    }

    private static ResourceLimits limits(String where, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return ResourceLimits.NONE;
        }
        JsonNode memory = node.path("memory");
        JsonNode cpus = node.path("cpus");
        if (!memory.isMissingNode() && !(memory.isIntegralNumber() && memory.canConvertToLong())) {
            throw new DeploymentException(where + ".runWith.systemResourceLimits.memory is " + memory
                    + "; expected kilobytes as a whole number");
        }
        if (!cpus.isMissingNode() && !cpus.isNumber()) {
            throw new DeploymentException(where + ".runWith.systemResourceLimits.cpus is " + cpus
                    + "; expected a number of cores");
        }
        try {
            return new ResourceLimits(
                    memory.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(memory.asLong()),
                    cpus.isMissingNode() ? OptionalDouble.empty() : OptionalDouble.of(cpus.asDouble()));
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(where + ".runWith." + e.getMessage());
        }
    }
}
