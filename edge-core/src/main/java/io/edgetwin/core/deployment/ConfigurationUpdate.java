package io.edgetwin.core.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's {@code configurationUpdate} for one component, and the pure function that applies it.
 * As in the nucleus ({@code KernelConfigResolver}): start from the component's previous configuration
 * (empty when it is new to the device), remove what {@code reset} names ({@code ""} removes everything),
 * fill in the recipe defaults wherever a key is missing (so a reset key gets its default back, and a
 * key without a default stays removed), then merge {@code merge} on top. Merging recurses into
 * mappings; any other value, lists included, replaces what was there; {@code null} is kept as a value.
 */
public record ConfigurationUpdate(Map<String, Object> merge, List<String> reset) {

    public static final ConfigurationUpdate NONE = new ConfigurationUpdate(Map.of(), List.of());

    public ConfigurationUpdate {
        // Not Map.copyOf: a merge may set a key to null.
        merge = Collections.unmodifiableMap(new LinkedHashMap<>(merge));
        reset = List.copyOf(reset);
        reset.forEach(ConfigurationUpdate::checkPointer);
    }

    /** {@link #effective(Map, Map, List, Map)} with this update's reset and merge. */
    public Map<String, Object> applyTo(Map<String, Object> recipeDefaults, Map<String, Object> previous) {
        return effective(recipeDefaults, previous, reset, merge);
    }

    /**
     * The configuration a component runs with after a deployment. Returns a new tree; the arguments
     * are not modified.
     *
     * @param previous the configuration the component ran with before, or an empty map when it is new
     * @param reset    JSON pointers (RFC 6901) to remove before the defaults are filled in
     * @throws DeploymentException when a reset pointer is malformed or reaches into a list: as in
     *                             Greengrass, only whole lists can be reset (where the nucleus logs and
     *                             skips such a pointer, the core refuses it)
     */
    public static Map<String, Object> effective(Map<String, Object> recipeDefaults, Map<String, Object> previous,
                                                List<String> reset, Map<String, Object> merge) {
        Map<String, Object> config = copy(previous);
        for (String pointer : reset) {
            if (pointer.isEmpty()) {
                config.clear();
            } else {
                remove(config, pointer);
            }
        }
        fillMissing(config, recipeDefaults);
        mergeInto(config, merge);
        return config;
    }

    private static void checkPointer(String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new DeploymentException("reset pointer '" + pointer + "' is not a JSON pointer; expected \"\" for"
                    + " the whole configuration or a path such as \"/rooms/Kitchen\"");
        }
    }

    private static void remove(Map<String, Object> config, String pointer) {
        checkPointer(pointer);
        String[] keys = pointer.substring(1).split("/", -1);
        Object node = config;
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i].replace("~1", "/").replace("~0", "~");
            if (node instanceof List<?>) {
                throw new DeploymentException("reset pointer '" + pointer + "' reaches into a list; only a whole list"
                        + " can be reset, e.g. '" + prefix(keys, i) + "'");
            }
            if (!(node instanceof Map<?, ?> map)) {
                return; // Nothing there to reset.
            }
            if (i == keys.length - 1) {
                map.remove(key);
                return;
            }
            node = map.get(key);
        }
    }

    private static String prefix(String[] keys, int length) {
        return "/" + String.join("/", Arrays.asList(keys).subList(0, length));
    }

    @SuppressWarnings("unchecked")
    private static void fillMissing(Map<String, Object> config, Map<String, Object> defaults) {
        defaults.forEach((key, value) -> {
            if (!config.containsKey(key)) {
                config.put(key, copyValue(value));
            } else if (config.get(key) instanceof Map<?, ?> existing && value instanceof Map<?, ?> nested) {
                fillMissing((Map<String, Object>) existing, (Map<String, Object>) nested);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> config, Map<String, Object> merge) {
        merge.forEach((key, value) -> {
            if (config.get(key) instanceof Map<?, ?> existing && value instanceof Map<?, ?> nested) {
                mergeInto((Map<String, Object>) existing, (Map<String, Object>) nested);
            } else {
                config.put(key, copyValue(value));
            }
        });
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }
}
