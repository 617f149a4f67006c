package io.edgetwin.core.deployment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.edgetwin.core.resources.ResourceLimits;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the cloud deployment document of REFERENCE §2 (JSON). Field names are matched without regard
 * to case, as the nucleus does ({@code MERGE} and {@code merge} are the same). What the core applies:
 * {@code deploymentId}, {@code components.*.version}, {@code configurationUpdate} ({@code reset},
 * {@code merge}), {@code runWith.systemResourceLimits} ({@code memory}, {@code cpus}, and our
 * {@code pids}) and {@code failureHandlingPolicy}. Everything else ({@code requiredCapabilities},
 * {@code componentUpdatePolicy}, {@code configurationValidationPolicy}, {@code posixUser}, ...) is
 * accepted and ignored. Errors name the source and the field.
 */
public final class DeploymentReader {

    private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    public Deployment read(Path file) {
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DeploymentException(file + ": cannot read deployment: no such file");
        } catch (AccessDeniedException e) {
            throw new DeploymentException(file + ": cannot read deployment: permission denied");
        } catch (IOException e) {
            throw new DeploymentException(file + ": cannot read deployment: " + e);
        }
        return parse(file.toString(), document);
    }

    public Deployment parse(String source, byte[] document) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new DeploymentException(source + at + ": not a JSON deployment document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DeploymentException(source + ": cannot read deployment: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DeploymentException(source + ": expected a JSON object");
        }
        String id = field(source, "", root, "deploymentId").asText("local");
        JsonNode components = field(source, "", root, "components");
        if (!components.isObject()) {
            throw new DeploymentException(source + ": components is missing; expected an object keyed by component name");
        }
        List<DeploymentComponent> parsed = new ArrayList<>();
        components.properties().forEach(e -> parsed.add(component(source, e.getKey(), e.getValue())));
        return new Deployment(id, parsed, policy(source, field(source, "", root, "failureHandlingPolicy")));
    }

    /** Greengrass's default is ROLLBACK; values are matched without regard to case. */
    private static FailurePolicy policy(String source, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return FailurePolicy.ROLLBACK;
        }
        for (FailurePolicy policy : FailurePolicy.values()) {
            if (policy.name().equalsIgnoreCase(node.asText())) {
                return policy;
            }
        }
        throw new DeploymentException(source + ": failureHandlingPolicy is " + node + "; expected ROLLBACK or DO_NOTHING");
    }

    private DeploymentComponent component(String source, String name, JsonNode node) {
        String where = "components." + name;
        if (!node.isObject()) {
            throw new DeploymentException(source + ": " + where + " is " + node + "; expected an object with version");
        }
        JsonNode version = field(source, where, node, "version");
        if (!version.isTextual()) {
            throw new DeploymentException(source + ": " + where + ".version is missing; expected a version such as \"1.0.0\"");
        }
        JsonNode update = field(source, where, node, "configurationUpdate");
        String updateWhere = where + ".configurationUpdate";
        if (!update.isMissingNode() && !update.isNull() && !update.isObject()) {
            throw new DeploymentException(source + ": " + updateWhere + " is " + update
                    + "; expected {\"reset\": [...], \"merge\": {...}}");
        }
        JsonNode runWith = field(source, where, node, "runWith");
        JsonNode limits = runWith.isObject() ? field(source, where + ".runWith", runWith, "systemResourceLimits")
                : MissingNode.getInstance();
        return new DeploymentComponent(name, version.asText(),
                merge(source, updateWhere, field(source, updateWhere, update, "merge")),
                reset(source, updateWhere, field(source, updateWhere, update, "reset")),
                limits(source, where, limits));
    }

    /** An object, or (as the cloud API sends it) a string holding a serialized object. */
    private Map<String, Object> merge(String source, String where, JsonNode merge) {
        JsonNode tree = merge;
        if (merge.isTextual()) {
            try {
                tree = json.readTree(merge.asText());
            } catch (JsonProcessingException e) {
                throw new DeploymentException(source + ": " + where + ".merge is a string that is not JSON: "
                        + e.getOriginalMessage());
            }
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Map.of();
        }
        if (!tree.isObject()) {
            throw new DeploymentException(source + ": " + where + ".merge is " + merge + "; expected a JSON object to merge");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> configuration = json.convertValue(tree, Map.class);
        return configuration;
    }

    private static List<String> reset(String source, String where, JsonNode reset) {
        if (reset.isMissingNode() || reset.isNull()) {
            return List.of();
        }
        if (!reset.isArray()) {
            throw new DeploymentException(source + ": " + where + ".reset is " + reset + "; expected a list of JSON pointers");
        }
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < reset.size(); i++) {
            JsonNode pointer = reset.get(i);
            if (!pointer.isTextual() || !(pointer.asText().isEmpty() || pointer.asText().startsWith("/"))) {
                throw new DeploymentException(source + ": " + where + ".reset[" + i + "] is " + pointer
                        + "; expected a JSON pointer: \"\" for the whole configuration or a path such as \"/rooms/Kitchen\"");
            }
            pointers.add(pointer.asText());
        }
        return pointers;
    }

    private static ResourceLimits limits(String source, String where, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return ResourceLimits.NONE;
        }
        String at = where + ".runWith.systemResourceLimits";
        if (!node.isObject()) {
            throw new DeploymentException(source + ": " + at + " is " + node + "; expected {\"memory\": KB, \"cpus\": N}");
        }
        JsonNode memory = field(source, at, node, "memory");
        JsonNode cpus = field(source, at, node, "cpus");
        JsonNode pids = field(source, at, node, "pids");
        if (!memory.isMissingNode() && !(memory.isIntegralNumber() && memory.canConvertToLong())) {
            throw new DeploymentException(source + ": " + at + ".memory is " + memory + "; expected kilobytes as a whole number");
        }
        if (!cpus.isMissingNode() && !cpus.isNumber()) {
            throw new DeploymentException(source + ": " + at + ".cpus is " + cpus + "; expected a number of cores");
        }
        if (!pids.isMissingNode() && !(pids.isIntegralNumber() && pids.canConvertToLong())) {
            throw new DeploymentException(source + ": " + at + ".pids is " + pids + "; expected a whole number of processes");
        }
        try {
            return new ResourceLimits(
                    memory.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(memory.asLong()),
                    cpus.isMissingNode() ? OptionalDouble.empty() : OptionalDouble.of(cpus.asDouble()),
                    pids.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(pids.asLong()));
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(source + ": " + where + ".runWith." + e.getMessage());
        }
    }

    /** The field {@code name} of {@code object}, matched without regard to case; missing when absent or not an object. */
    private static JsonNode field(String source, String where, JsonNode object, String name) {
        JsonNode found = MissingNode.getInstance();
        if (!object.isObject()) {
            return found;
        }
        String foundName = null;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            if (key.equalsIgnoreCase(name)) {
                if (foundName != null) {
                    throw new DeploymentException(source + ": " + (where.isEmpty() ? "" : where + ".") + name
                            + " is given twice, as '" + foundName + "' and '" + key + "'; field names are case-insensitive");
                }
                foundName = key;
                found = entry.getValue();
            }
        }
        return found;
    }
}
