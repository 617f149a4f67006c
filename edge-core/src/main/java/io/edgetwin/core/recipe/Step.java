package io.edgetwin.core.recipe;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The lifecycle steps of a Greengrass component, in the order the core meets them, each with the
 * timeout that applies when the recipe gives none. {@code run} is the long-running process and has no
 * default timeout; {@code startup} starts a background process and must itself exit.
 */
public enum Step {
    BOOTSTRAP(120),
    INSTALL(120),
    STARTUP(120),
    RUN(0),
    SHUTDOWN(15),
    RECOVER(60),
    UNINSTALL(0);

    private final int defaultTimeoutSeconds;

    Step(int defaultTimeoutSeconds) {
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    /** Empty for {@code run}, which may run for ever, and {@code uninstall}, for which Greengrass sets none. */
    public Optional<Duration> defaultTimeout() {
        return defaultTimeoutSeconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(defaultTimeoutSeconds));
    }

    /** The key as recipes write it, e.g. {@code run}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Matches without regard to case. */
    public static Optional<Step> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(key)).findFirst();
    }
}
