package io.edgetwin.core.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.edgetwin.core.document.Document;
import io.edgetwin.core.document.DocumentException;
import io.edgetwin.core.document.DocumentLimits;
import io.edgetwin.core.document.Documents;
import io.edgetwin.core.document.Excerpt;
import io.edgetwin.core.recipe.Semver;
import io.edgetwin.core.resources.ResourceLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The fields of one deployment document, read from its bounded tree; errors say where each field is
 * ({@code source:line:column: path ...}), or where its parent is when it is missing.
 */
final class DeploymentFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Document document;

    DeploymentFields(Document document) {
        this.document = document;
    }

    Deployment deployment() {
        JsonNode root = document.root() == null ? null : JSON.valueToTree(document.root());
        if (root == null || !root.isObject()) {
            throw new DeploymentException(document.where("") + ": the document is "
                    + (root == null ? "empty" : describe(root)) + "; expected a JSON object");
        }
        JsonNode id = field("", root, "deploymentId");
        JsonNode components = field("", root, "components");
        if (!components.isObject()) {
            throw error("components", "is " + describe(components) + "; expected an object keyed by component name");
        }
        List<DeploymentComponent> parsed = new ArrayList<>();
        components.properties().forEach(e -> parsed.add(component(e.getKey(), e.getValue())));
        return new Deployment(id.isMissingNode() || id.isNull() ? "local" : id.asText(), parsed,
                policy(field("", root, "failureHandlingPolicy")));
    }

    /** Greengrass's default is ROLLBACK; values are matched without regard to case. */
    private FailurePolicy policy(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return FailurePolicy.ROLLBACK;
        }
        for (FailurePolicy policy : FailurePolicy.values()) {
            if (node.isTextual() && policy.name().equalsIgnoreCase(node.asText())) {
                return policy;
            }
        }
        throw error("failureHandlingPolicy", "is " + describe(node) + "; expected ROLLBACK or DO_NOTHING");
    }

    private DeploymentComponent component(String name, JsonNode node) {
        String where = "components." + name;
        if (!node.isObject()) {
            throw error(where, "is " + describe(node) + "; expected an object with version");
        }
        String version = version(where + ".version", field(where, node, "version"));
        JsonNode update = field(where, node, "configurationUpdate");
        String updateWhere = where + ".configurationUpdate";
        if (!update.isMissingNode() && !update.isNull() && !update.isObject()) {
            throw error(updateWhere, "is " + describe(update) + "; expected {\"reset\": [...], \"merge\": {...}}");
        }
        JsonNode runWith = field(where, node, "runWith");
        JsonNode limits = runWith.isObject() ? field(where + ".runWith", runWith, "systemResourceLimits")
                : MissingNode.getInstance();
        return new DeploymentComponent(name, version,
                merge(updateWhere + ".merge", field(updateWhere, update, "merge")),
                reset(updateWhere + ".reset", field(updateWhere, update, "reset")),
                limits(where, limits));
    }

    /** A semantic version whose parts the nucleus accepts (at most 999999 each). */
    private String version(String where, JsonNode version) {
        if (!version.isTextual()) {
            throw error(where, (version.isMissingNode() ? "is missing" : "is " + describe(version))
                    + "; expected a version such as \"1.0.0\"");
        }
        try {
            if (Semver.parse(version.asText()).withinNucleusRange()) {
                return version.asText();
            }
        } catch (IllegalArgumentException e) {
            throw error(where, "is not valid: " + e.getMessage());
        }
        throw error(where, "is " + describe(version) + "; expected MAJOR.MINOR.PATCH each at most " + Semver.MAX_PART);
    }

    /** An object, or (as the cloud API sends it) a string holding a serialized object. */
    private Map<String, Object> merge(String where, JsonNode merge) {
        JsonNode tree = merge;
        if (merge.isTextual()) {
            try {
                tree = JSON.valueToTree(Documents.json("(the string)", merge.asText(), DocumentLimits.DEFAULT).root());
            } catch (DocumentException e) {
                throw error(where, "is a string that is not JSON: " + e.getMessage());
            }
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Map.of();
        }
        if (!tree.isObject()) {
            throw error(where, "is " + describe(merge) + "; expected a JSON object to merge");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> configuration = JSON.convertValue(tree, Map.class);
        return configuration;
    }

    private List<String> reset(String where, JsonNode reset) {
        if (reset.isMissingNode() || reset.isNull()) {
            return List.of();
        }
        if (!reset.isArray()) {
            throw error(where, "is " + describe(reset) + "; expected a list of JSON pointers");
        }
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < reset.size(); i++) {
            JsonNode pointer = reset.get(i);
            if (!pointer.isTextual() || !(pointer.asText().isEmpty() || pointer.asText().startsWith("/"))) {
                throw error(where + "[" + i + "]", "is " + describe(pointer) + "; expected a JSON pointer: \"\" for the"
                        + " whole configuration or a path such as \"/rooms/Kitchen\"");
            }
            pointers.add(pointer.asText());
        }
        return pointers;
    }

    private ResourceLimits limits(String where, JsonNode node) {
        String at = where + ".runWith.systemResourceLimits";
        if (node.isMissingNode() || node.isNull()) {
            return ResourceLimits.NONE;
        }
        if (!node.isObject()) {
            throw error(at, "is " + describe(node) + "; expected {\"memory\": KB, \"cpus\": N}");
        }
        JsonNode memory = field(at, node, "memory");
        JsonNode cpus = field(at, node, "cpus");
        JsonNode pids = field(at, node, "pids");
        if (!memory.isMissingNode() && !isWhole(memory)) {
            throw error(at + ".memory", "is " + describe(memory) + "; expected kilobytes as a whole number");
        }
        if (!cpus.isMissingNode() && !(cpus.isNumber() && Double.isFinite(cpus.asDouble()))) {
            throw error(at + ".cpus", "is " + describe(cpus) + "; expected a finite number of cores");
        }
        if (!pids.isMissingNode() && !isWhole(pids)) {
            throw error(at + ".pids", "is " + describe(pids) + "; expected a whole number of processes");
        }
        try {
            return new ResourceLimits(
                    memory.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(whole(memory)),
                    cpus.isMissingNode() ? OptionalDouble.empty() : OptionalDouble.of(cpus.asDouble()),
                    pids.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(whole(pids)));
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(document.where(at) + ": " + Excerpt.of(where, 200) + ".runWith." + e.getMessage());
        }
    }

    /** A whole number, also when written with a fraction or exponent ({@code 1E6}), as the nucleus reads it. */
    private static boolean isWhole(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong();
        }
        double value = node.asDouble();
        return node.isFloatingPointNumber() && Double.isFinite(value) && value == Math.rint(value)
                && Math.abs(value) < 0x1p62;
    }

    private static long whole(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : (long) node.asDouble();
    }

    /** The field {@code name} of {@code object}, matched without regard to case; missing when absent or not an object. */
    private JsonNode field(String where, JsonNode object, String name) {
        JsonNode found = MissingNode.getInstance();
        if (!object.isObject()) {
            return found;
        }
        String foundName = null;
        String path = where.isEmpty() ? name : where + "." + name;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            if (key.equalsIgnoreCase(name)) {
                if (foundName != null) {
                    throw error(path, "is given twice, as '" + foundName + "' and '" + key
                            + "'; field names are case-insensitive");
                }
                foundName = key;
                found = entry.getValue();
            }
        }
        return found;
    }

    private DeploymentException error(String path, String detail) {
        return new DeploymentException(document.where(path) + ": " + Excerpt.of(path, 200) + " " + detail);
    }

    /** A value as messages show it: text quoted and shortened, containers by kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? "\"" + Excerpt.of(node.asText()) + "\""
                : Excerpt.of(node.isNumber() ? node.asText() : node.toString());
    }
}
