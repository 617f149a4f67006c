package io.edgetwin.core.messaging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Greengrass {@code mqtt.spooler} settings (REFERENCE §5): where messages published toward the cloud wait
 * while the link is down, how many payload bytes may wait, and whether QoS 0 messages may wait at all.
 *
 * @param storage             {@code Memory} (lost on restart) or {@code Disk} (survives a restart)
 * @param maxSizeInBytes      payload bytes the spool may hold; topics and record headers are not counted
 * @param keepQos0WhenOffline whether a QoS 0 publish made while offline is spooled instead of dropped
 * @param directory           where a {@code Disk} spool keeps its segment files
 */
public record SpoolSettings(Storage storage, long maxSizeInBytes, boolean keepQos0WhenOffline, Path directory) {

    public static final long DEFAULT_MAX_SIZE_IN_BYTES = 2_621_440;
    public static final Path DEFAULT_DIRECTORY = Path.of("/var/edgetwin/spool");

    /** Where spooled messages are kept. */
    public enum Storage {
        MEMORY("Memory"), DISK("Disk");

        private final String displayName;

        Storage(String displayName) {
            this.displayName = displayName;
        }

        /** The Greengrass spelling, as in the environment variable and the status message. */
        public String displayName() {
            return displayName;
        }
    }

    public SpoolSettings {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(directory, "directory");
        if (maxSizeInBytes <= 0) {
            throw new IllegalArgumentException("spool maxSizeInBytes is " + maxSizeInBytes + "; expected a positive number of bytes");
        }
    }

    /** Greengrass's defaults: a 2.5 MiB memory spool that drops QoS 0 while offline. */
    public static SpoolSettings defaults() {
        return new SpoolSettings(Storage.MEMORY, DEFAULT_MAX_SIZE_IN_BYTES, false, DEFAULT_DIRECTORY);
    }

    /**
     * Reads {@code EDGETWIN_SPOOL_STORAGE}, {@code EDGETWIN_SPOOL_MAX_BYTES}, {@code EDGETWIN_SPOOL_KEEP_QOS0} and
     * {@code EDGETWIN_SPOOL_DIR}; an unset variable takes the default, a set but unusable one is refused.
     */
    public static SpoolSettings fromEnvironment(Map<String, String> env) {
        SpoolSettings defaults = defaults();
        return new SpoolSettings(
                parse(env, "EDGETWIN_SPOOL_STORAGE", defaults.storage(), SpoolSettings::storage, "Memory or Disk (any case)"),
                parse(env, "EDGETWIN_SPOOL_MAX_BYTES", defaults.maxSizeInBytes(), SpoolSettings::positiveLong,
                        "a whole number of bytes greater than 0"),
                parse(env, "EDGETWIN_SPOOL_KEEP_QOS0", defaults.keepQos0WhenOffline(), SpoolSettings::bool, "true or false"),
                parse(env, "EDGETWIN_SPOOL_DIR", defaults.directory(), Path::of, "a directory path"));
    }

    private static <T> T parse(Map<String, String> env, String name, T fallback, Parser<T> parser, String expected) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            T parsed = value.isBlank() ? null : parser.parse(value.trim());
            if (parsed != null) {
                return parsed;
            }
        } catch (RuntimeException unusable) {
            // reported below with the variable, the value and what was expected
        }
        throw new IllegalArgumentException(name + " is '" + value + "'; expected " + expected);
    }

    private static Storage storage(String value) {
        for (Storage storage : Storage.values()) {
            if (storage.displayName.equalsIgnoreCase(value)) {
                return storage;
            }
        }
        return null;
    }

    private static Long positiveLong(String value) {
        long parsed = Long.parseLong(value);
        return parsed > 0 ? parsed : null;
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String value);
    }
}
