package io.edgetwin.simulator.scenario;

import java.util.Arrays;
import java.util.Locale;

/** Which engine runs a scenario's twins: the local Docker engine, or a Docker swarm (docs/scale.md). */
public enum Engine {
    DOCKER, SWARM;

    /** As users write it: {@code docker}, {@code swarm}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code docker} or {@code swarm}; anything else is refused naming both. */
    public static Engine of(String text) {
        return Arrays.stream(values()).filter(e -> e.id().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("engine '" + text + "'; expected docker or swarm"));
    }
}
