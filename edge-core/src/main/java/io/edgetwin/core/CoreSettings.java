package io.edgetwin.core;

import io.edgetwin.core.messaging.SpoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The core's settings, from the environment the harness gives the twin container.
 *
 * @param thingName     device identity: MQTT client id and topic level ({@code EDGETWIN_THING_NAME})
 * @param brokerUri     MQTT broker ({@code EDGETWIN_BROKER}, e.g. {@code tcp://127.0.0.1:18830})
 * @param rootPath      installation root with {@code lib/}, {@code recipes/}, {@code models/} ({@code EDGETWIN_HOME})
 * @param deployment    deployment document applied at start ({@code EDGETWIN_DEPLOYMENT})
 * @param ipcSocket     Unix socket of Greengrass IPC for components ({@code EDGETWIN_IPC_SOCKET})
 * @param cgroupRoot    where the twin's own cgroup is mounted ({@code EDGETWIN_CGROUP_ROOT})
 * @param statusInterval how often status is published ({@code EDGETWIN_STATUS_INTERVAL_MS})
 * @param spool         the offline spool ({@code EDGETWIN_SPOOL_*}, see {@link SpoolSettings#fromEnvironment})
 * @param brokenAfter   errors within {@code errorWindow} that make a component BROKEN ({@code EDGETWIN_BROKEN_AFTER},
 *                      default 3 as in Greengrass, which hard-codes it)
 * @param errorWindow   the window those errors count in ({@code EDGETWIN_ERROR_WINDOW_S}, default 1 h)
 */
public record CoreSettings(String thingName, String brokerUri, Path rootPath, Path deployment, Path ipcSocket,
                           Path cgroupRoot, Duration statusInterval, SpoolSettings spool, int brokenAfter,
                           Duration errorWindow) {

    public CoreSettings {
        Objects.requireNonNull(thingName, "EDGETWIN_THING_NAME");
        if (!thingName.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("EDGETWIN_THING_NAME '" + thingName
                    + "' may only hold letters, digits, '-', '_' and '.' (it is an MQTT topic level)");
        }
        Objects.requireNonNull(brokerUri, "EDGETWIN_BROKER");
        Objects.requireNonNull(spool, "spool");
        if (brokenAfter < 1) {
            throw new IllegalArgumentException("EDGETWIN_BROKEN_AFTER is " + brokenAfter + "; expected at least 1");
        }
        if (statusInterval.isZero() || statusInterval.isNegative() || errorWindow.isZero() || errorWindow.isNegative()) {
            throw new IllegalArgumentException("EDGETWIN_STATUS_INTERVAL_MS and EDGETWIN_ERROR_WINDOW_S must be positive; got "
                    + statusInterval.toMillis() + " ms and " + errorWindow.toSeconds() + " s");
        }
    }

    public static CoreSettings fromEnvironment(Map<String, String> env) {
        return new CoreSettings(
                required(env, "EDGETWIN_THING_NAME"),
                required(env, "EDGETWIN_BROKER"),
                Path.of(env.getOrDefault("EDGETWIN_HOME", "/opt/edgetwin")),
                Path.of(env.getOrDefault("EDGETWIN_DEPLOYMENT", "/var/edgetwin/deployment.json")),
                Path.of(env.getOrDefault("EDGETWIN_IPC_SOCKET", "/run/edgetwin/ipc.socket")),
                Path.of(env.getOrDefault("EDGETWIN_CGROUP_ROOT", "/sys/fs/cgroup")),
                Duration.ofMillis(number(env, "EDGETWIN_STATUS_INTERVAL_MS", 1000)),
                SpoolSettings.fromEnvironment(env),
                (int) number(env, "EDGETWIN_BROKEN_AFTER", 3),
                Duration.ofSeconds(number(env, "EDGETWIN_ERROR_WINDOW_S", 3600)));
    }

    private static long number(Map<String, String> env, String name, long absent) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "'; expected a whole number");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set; the harness sets it when it starts a twin");
        }
        return value;
    }
}
