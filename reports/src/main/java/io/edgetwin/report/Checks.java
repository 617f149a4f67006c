package io.edgetwin.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the records' compact constructors; messages name field and value. */
final class Checks {

    private Checks() {
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " is " + value + "; expected >= 0");
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " is " + value + "; expected a finite number >= 0");
        }
        return value;
    }

    static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " is " + value + "; expected a finite number > 0");
        }
        return value;
    }

    static long positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " is " + value + "; expected > 0");
        }
        return value;
    }

    static String name(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank; expected a name");
        }
        return value;
    }

    /** An unmodifiable copy that keeps the caller's iteration order (Map.copyOf does not). */
    static <V> Map<String, V> orderedCopy(String field, Map<String, V> map) {
        Objects.requireNonNull(map, field);
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(name(field + " key", key),
                Objects.requireNonNull(value, () -> field + "['" + key + "'] is null")));
        return Collections.unmodifiableMap(copy);
    }
}
