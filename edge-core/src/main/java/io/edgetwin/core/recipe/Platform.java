package io.edgetwin.core.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code Platform} of a manifest: {@code os}, {@code architecture} and custom keys, each a literal
 * (compared without case; architecture aliases such as {@code x86_64} for {@code amd64} are equal),
 * {@code *} or {@code all} (anything), or {@code /regex/} (must match the device's whole value). A key
 * the device does not have matches only {@code *} or {@code all}. No keys at all match every device.
 */
public record Platform(Map<String, String> requirements) {

    public static final Platform ANY = new Platform(Map.of());

    public Platform {
        requirements = Collections.unmodifiableMap(new LinkedHashMap<>(requirements));
        requirements.forEach(Platform::checkRegex);
    }

    public boolean matches(DevicePlatform device) {
        return requirements.entrySet().stream().allMatch(e -> matches(e.getKey(), e.getValue(), device));
    }

    private static boolean matches(String key, String wanted, DevicePlatform device) {
        if (isWildcard(wanted)) {
            return true;
        }
        if (isRegex(wanted)) {
            Pattern regex = Pattern.compile(wanted.substring(1, wanted.length() - 1));
            return device.spellings(key).stream().anyMatch(v -> regex.matcher(v).matches());
        }
        String actual = device.value(key);
        if (actual == null) {
            return false;
        }
        return key.equalsIgnoreCase("architecture")
                ? DevicePlatform.canonicalArchitecture(wanted).equals(actual) : wanted.equalsIgnoreCase(actual);
    }

    static boolean isWildcard(String value) {
        return value.equals("*") || value.equalsIgnoreCase("all") || value.equalsIgnoreCase("any");
    }

    static boolean isRegex(String value) {
        return value.length() >= 2 && value.startsWith("/") && value.endsWith("/");
    }

    /** @throws java.util.regex.PatternSyntaxException when a {@code /regex/} value does not compile */
    private static void checkRegex(String key, String value) {
        if (isRegex(value)) {
            Pattern.compile(value.substring(1, value.length() - 1));
        }
    }

    @Override
    public String toString() {
        return requirements.isEmpty() ? "any platform" : requirements.toString();
    }
}
