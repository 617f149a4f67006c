package io.edgetwin.simulator.scenario;

import java.util.Map;
import java.util.Objects;

/** A component the scenario deploys to every twin, with the configuration merged over its recipe's defaults. */
public record ScenarioComponent(String name, String version, Map<String, Object> configuration) {

    public ScenarioComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        configuration = Map.copyOf(configuration);
    }
}
