package io.edgetwin.simulator.measure;

import java.util.Map;

/** Fleet status of one twin at the end of a variant: its deployment, component states, when it was last heard (ISO-8601), reconnects. */
public record TwinSummary(String name, String deploymentId, String deploymentStatus, Map<String, String> componentStates,
                          String lastSeen, int reconnects) {

    public TwinSummary {
        componentStates = Map.copyOf(componentStates);
    }
}
