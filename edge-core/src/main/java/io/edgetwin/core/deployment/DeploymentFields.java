package io.edgetwin.core.deployment;

import io.edgetwin.core.document.Document;
import io.edgetwin.core.document.DocumentException;
import io.edgetwin.core.document.DocumentLimits;
import io.edgetwin.core.document.Documents;
import io.edgetwin.core.document.Excerpt;
import io.edgetwin.core.recipe.Semver;
import io.edgetwin.core.resources.ResourceLimits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The fields of one deployment document, read from its bounded tree; errors say where each field is
 * ({@code source:line:column: path ...}), or where its parent is when it is missing. Works on the
 * document's plain tree (maps, lists, text, numbers, booleans, null) as the readers built it: reading a
 * deployment loads no object mapper (docs/performance.md, "Where the idle RSS goes").
 */
final class DeploymentFields {

    /** A field that is not there (null is a field whose value is JSON's null). */
    private static final Object MISSING = new Object();

    private final Document document;

    DeploymentFields(Document document) {
        this.document = document;
    }

    Deployment deployment() {
        Object root = document.root();
        if (!(root instanceof Map<?, ?>)) {
            throw new DeploymentException(document.where("") + ": the document is "
                    + (root == null ? "empty" : describe(root)) + "; expected a JSON object");
        }
        Object id = field("", root, "deploymentId");
        Object components = field("", root, "components");
        if (!(components instanceof Map<?, ?> byName)) {
            throw error("components", "is " + describe(components) + "; expected an object keyed by component name");
        }
        List<DeploymentComponent> parsed = new ArrayList<>();
        byName.forEach((name, value) -> parsed.add(component(String.valueOf(name), value)));
        return new Deployment(id == MISSING || id == null ? "local" : text(id), parsed,
                policy(field("", root, "failureHandlingPolicy")));
    }

    /** Greengrass's default is ROLLBACK; values are matched without regard to case. */
    private FailurePolicy policy(Object node) {
        if (node == MISSING || node == null) {
            return FailurePolicy.ROLLBACK;
        }
        for (FailurePolicy policy : FailurePolicy.values()) {
            if (node instanceof String text && policy.name().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw error("failureHandlingPolicy", "is " + describe(node) + "; expected ROLLBACK or DO_NOTHING");
    }

    private DeploymentComponent component(String name, Object node) {
        String where = "components." + name;
        if (!(node instanceof Map<?, ?>)) {
            throw error(where, "is " + describe(node) + "; expected an object with version");
        }
        String version = version(where + ".version", field(where, node, "version"));
        Object update = field(where, node, "configurationUpdate");
        String updateWhere = where + ".configurationUpdate";
        if (update != MISSING && update != null && !(update instanceof Map<?, ?>)) {
            throw error(updateWhere, "is " + describe(update) + "; expected {\"reset\": [...], \"merge\": {...}}");
        }
        Object runWith = field(where, node, "runWith");
        Object limits = runWith instanceof Map<?, ?> ? field(where + ".runWith", runWith, "systemResourceLimits") : MISSING;
        return new DeploymentComponent(name, version,
                merge(updateWhere + ".merge", field(updateWhere, update, "merge")),
                reset(updateWhere + ".reset", field(updateWhere, update, "reset")),
                limits(where, limits));
    }

    /** A semantic version whose parts the nucleus accepts (at most 999999 each). */
    private String version(String where, Object version) {
        if (!(version instanceof String text)) {
            throw error(where, (version == MISSING ? "is missing" : "is " + describe(version))
                    + "; expected a version such as \"1.0.0\"");
        }
        try {
            if (Semver.parse(text).withinNucleusRange()) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            throw error(where, "is not valid: " + e.getMessage());
        }
        throw error(where, "is " + describe(version) + "; expected MAJOR.MINOR.PATCH each at most " + Semver.MAX_PART);
    }

    /** An object, or (as the cloud API sends it) a string holding a serialized object. */
    private Map<String, Object> merge(String where, Object merge) {
        Object tree = merge;
        if (merge instanceof String text) {
            try {
                tree = Documents.json("(the string)", text, DocumentLimits.DEFAULT).root();
            } catch (DocumentException e) {
                throw error(where, "is a string that is not JSON: " + e.getMessage());
            }
        }
        if (tree == null || tree == MISSING) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?> object)) {
            throw error(where, "is " + describe(merge) + "; expected a JSON object to merge");
        }
        return copy(object);
    }

    /**
     * A copy of a plain tree with text keys (YAML may have numbers or booleans as keys; JSON has text),
     * so an alias shared by several paths becomes values of their own.
     */
    private static Map<String, Object> copy(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> object) {
            return copy(object);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }

    private List<String> reset(String where, Object reset) {
        if (reset == MISSING || reset == null) {
            return List.of();
        }
        if (!(reset instanceof List<?> list)) {
            throw error(where, "is " + describe(reset) + "; expected a list of JSON pointers");
        }
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object pointer = list.get(i);
            if (!(pointer instanceof String text) || !(text.isEmpty() || text.startsWith("/"))) {
                throw error(where + "[" + i + "]", "is " + describe(pointer) + "; expected a JSON pointer: \"\" for the"
                        + " whole configuration or a path such as \"/rooms/Kitchen\"");
            }
            pointers.add(text);
        }
        return pointers;
    }

    private ResourceLimits limits(String where, Object node) {
        String at = where + ".runWith.systemResourceLimits";
        if (node == MISSING || node == null) {
            return ResourceLimits.NONE;
        }
        if (!(node instanceof Map<?, ?>)) {
            throw error(at, "is " + describe(node) + "; expected {\"memory\": KB, \"cpus\": N}");
        }
        Object memory = field(at, node, "memory");
        Object cpus = field(at, node, "cpus");
        Object pids = field(at, node, "pids");
        if (memory != MISSING && !isWhole(memory)) {
            throw error(at + ".memory", "is " + describe(memory) + "; expected kilobytes as a whole number");
        }
        if (cpus != MISSING && !(cpus instanceof Number n && Double.isFinite(n.doubleValue()))) {
            throw error(at + ".cpus", "is " + describe(cpus) + "; expected a finite number of cores");
        }
        if (pids != MISSING && !isWhole(pids)) {
            throw error(at + ".pids", "is " + describe(pids) + "; expected a whole number of processes");
        }
        try {
            return new ResourceLimits(
                    memory == MISSING ? OptionalLong.empty() : OptionalLong.of(whole(memory)),
                    cpus == MISSING ? OptionalDouble.empty() : OptionalDouble.of(((Number) cpus).doubleValue()),
                    pids == MISSING ? OptionalLong.empty() : OptionalLong.of(whole(pids)));
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(document.where(at) + ": " + Excerpt.of(where, 200) + ".runWith." + e.getMessage());
        }
    }

    /** A whole number, also when written with a fraction or exponent ({@code 1E6}), as the nucleus reads it. */
    private static boolean isWhole(Object node) {
        if (node instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE;
        }
        if (node instanceof Integer || node instanceof Long || node instanceof Short || node instanceof Byte) {
            return true;
        }
        if (!(node instanceof Number number)) {
            return false;
        }
        double value = number.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 0x1p62;
    }

    private static long whole(Object node) {
        Number number = (Number) node;
        return node instanceof Double || node instanceof Float ? (long) number.doubleValue() : number.longValue();
    }

    /** The field {@code name} of {@code object}, matched without regard to case; missing when absent or not an object. */
    private Object field(String where, Object object, String name) {
        Object found = MISSING;
        if (!(object instanceof Map<?, ?> map)) {
            return found;
        }
        String foundName = null;
        String path = where.isEmpty() ? name : where + "." + name;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
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

    /** Text as the document holds it, numbers and booleans as written; a container has no text. */
    private static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? "" : String.valueOf(value);
    }

    /** A value as messages show it: text quoted and shortened, containers by kind. */
    static String describe(Object node) {
        if (node == MISSING) {
            return "missing";
        }
        if (node instanceof Map<?, ?>) {
            return "an object";
        }
        if (node instanceof List<?>) {
            return "a list";
        }
        return node instanceof String text ? "\"" + Excerpt.of(text) + "\"" : Excerpt.of(String.valueOf(node));
    }
}
