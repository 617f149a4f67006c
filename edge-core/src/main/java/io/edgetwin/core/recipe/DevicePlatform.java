package io.edgetwin.core.recipe;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The platform of the device recipes are resolved for: always {@code linux} in a twin, an architecture
 * in Greengrass spelling ({@code amd64}, {@code aarch64}, {@code arm}, {@code x86}; {@code x86_64} and
 * {@code arm64} are accepted as their aliases) and any custom attributes a manifest may ask for.
 */
public record DevicePlatform(String os, String architecture, Map<String, String> attributes) {

    private static final Map<String, String> ARCH_ALIASES = Map.of(
            "x86_64", "amd64", "x64", "amd64", "arm64", "aarch64", "i386", "x86", "i686", "x86");

    public DevicePlatform {
        os = Objects.requireNonNull(os, "os").toLowerCase(Locale.ROOT);
        architecture = canonicalArchitecture(Objects.requireNonNull(architecture, "architecture"));
        attributes = Map.copyOf(attributes);
    }

    public static DevicePlatform linux(String architecture) {
        return new DevicePlatform("linux", architecture, Map.of());
    }

    /** Linux on the architecture this JVM runs on. */
    public static DevicePlatform current() {
        return linux(System.getProperty("os.arch"));
    }

    /** The value of a platform key as a manifest names it: {@code os}, {@code architecture} or a custom key. */
    String value(String key) {
        if (key.equalsIgnoreCase("os")) {
            return os;
        }
        if (key.equalsIgnoreCase("architecture")) {
            return architecture;
        }
        return attributes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The canonical value and its aliases, so {@code /x86_64/} matches an amd64 device. */
    Set<String> spellings(String key) {
        String value = value(key);
        if (value == null) {
            return Set.of();
        }
        if (!key.equalsIgnoreCase("architecture")) {
            return Set.of(value);
        }
        Set<String> names = new HashSet<>(Set.of(value));
        ARCH_ALIASES.forEach((alias, canonical) -> {
            if (canonical.equals(value)) {
                names.add(alias);
            }
        });
        return names;
    }

    static String canonicalArchitecture(String architecture) {
        String lower = architecture.toLowerCase(Locale.ROOT);
        return ARCH_ALIASES.getOrDefault(lower, lower);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (attributes.isEmpty() ? "" : " " + attributes);
    }
}
