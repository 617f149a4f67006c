package io.edgetwin.simulator.scenario;

import java.util.Map;
import java.util.Optional;

/**
 * What a variant changes about one of the scenario's components besides its limits: another version
 * (e.g. a candidate release from the artifact store) and configuration merged over the scenario's.
 */
public record ComponentOverride(Optional<String> version, Map<String, Object> configuration) {

    public static final ComponentOverride NONE = new ComponentOverride(Optional.empty(), Map.of());

    public ComponentOverride {
        configuration = Map.copyOf(configuration);
    }
}
