package io.edgetwin.core.ipc.greengrass;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The configuration of each component as IPC sees it ({@code GetConfiguration},
 * {@code UpdateConfiguration}, {@code SubscribeToConfigurationUpdate}): set whole by a deployment, merged
 * at a key path by the component itself. Every change tells the listeners under it which leaf key paths
 * changed. Values are copied in and out, so no caller holds a live map.
 */
public final class ComponentConfigurations {

    private final Map<String, Map<String, Object>> byComponent = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private record Listener(String component, List<String> keyPath, BiConsumer<String, List<String>> onChange) {
    }

    /** Replaces a component's whole configuration (a deployment); listeners hear what changed. */
    public void put(String component, Map<String, Object> configuration) {
        Map<String, Object> before;
        Map<String, Object> after = copy(configuration);
        synchronized (this) {
            before = byComponent.put(component, after);
        }
        announce(component, changedLeaves(before == null ? Map.of() : before, after));
    }

    public synchronized void remove(String component) {
        byComponent.remove(component);
    }

    /** The value at a key path (the whole configuration for an empty path), copied; empty when absent. */
    public synchronized Optional<Object> get(String component, List<String> keyPath) {
        Object node = byComponent.get(component);
        for (String key : keyPath) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        return Optional.ofNullable(node).map(ComponentConfigurations::copyValue);
    }

    /** Merges {@code value} into the mapping at {@code keyPath}, creating it; listeners hear what changed. */
    public void merge(String component, List<String> keyPath, Map<String, Object> value) {
        Map<String, Object> before;
        Map<String, Object> after;
        synchronized (this) {
            before = byComponent.getOrDefault(component, Map.of());
            after = copy(before);
            Map<String, Object> node = after;
            for (String key : keyPath) {
                Object child = node.get(key);
                if (!(child instanceof Map<?, ?>)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(key, child);
                }
                node = cast(child);
            }
            mergeInto(node, value);
            byComponent.put(component, after);
        }
        announce(component, changedLeaves(before, after));
    }

    /**
     * Calls {@code onChange(component, changedKeyPath)} for each change at, under or above {@code keyPath}
     * of the component; returns the handle that stops it.
     */
    public AutoCloseable subscribe(String component, List<String> keyPath, BiConsumer<String, List<String>> onChange) {
        Listener listener = new Listener(component, List.copyOf(keyPath), onChange);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listeners() {
        return listeners.size();
    }

    private void announce(String component, List<List<String>> changed) {
        for (Listener listener : listeners) {
            if (!listener.component().equals(component)) {
                continue;
            }
            for (List<String> path : changed) {
                if (prefix(listener.keyPath(), path) || prefix(path, listener.keyPath())) {
                    listener.onChange().accept(component, path);
                }
            }
        }
    }

    private static boolean prefix(List<String> prefix, List<String> path) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    static List<List<String>> changedLeaves(Map<?, ?> before, Map<?, ?> after) {
        List<List<String>> changed = new ArrayList<>();
        diff(List.of(), before, after, changed);
        return changed;
    }

    private static void diff(List<String> path, Object before, Object after, List<List<String>> changed) {
        if (before instanceof Map<?, ?> || after instanceof Map<?, ?>) {
            // A mapping on either side: its leaves changed one by one (a leaf it replaced, at this path).
            if (before != null && !(before instanceof Map<?, ?>) || after != null && !(after instanceof Map<?, ?>)) {
                changed.add(path);
            }
            Map<?, ?> b = before instanceof Map<?, ?> map ? map : Map.of();
            Map<?, ?> a = after instanceof Map<?, ?> map ? map : Map.of();
            Set<Object> keys = new HashSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (Object key : keys) {
                List<String> child = new ArrayList<>(path);
                child.add(String.valueOf(key));
                diff(List.copyOf(child), b.get(key), a.get(key), changed);
            }
        } else if (before == null ? after != null : !before.equals(after)) {
            changed.add(path);
        }
    }

    private static void mergeInto(Map<String, Object> target, Map<String, Object> value) {
        value.forEach((key, v) -> {
            if (v instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
                mergeInto(cast(existing), cast(map));
            } else {
                target.put(key, copyValue(v));
            }
        });
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
        return out;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(copyValue(item)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
