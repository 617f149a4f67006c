package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration IPC reads: merges, whole replacements by deployments, and who hears what changed. */
class ComponentConfigurationsTest {

    private final ComponentConfigurations configurations = new ComponentConfigurations();
    private final List<String> heard = new ArrayList<>();

    @Test
    void aDeploymentReplacingTheConfigurationIsHeardPerChangedLeafUnderTheSubscribedKey() {
        configurations.put("c", Map.of("model", Map.of("name", "a", "batch", 8), "threshold", 5));
        configurations.subscribe("c", List.of("model"), (component, path) -> heard.add(component + ":" + path));

        configurations.put("c", Map.of("model", Map.of("name", "b", "batch", 8), "threshold", 6));

        assertEquals(List.of("c:[model, name]"), heard, "threshold is not under model; batch did not change");
        assertEquals(Optional.of("b"), configurations.get("c", List.of("model", "name")));
    }

    @Test
    void aMergeCreatesTheMappingsOnItsKeyPathAndKeepsTheirOtherKeys() {
        configurations.put("c", Map.of("model", Map.of("name", "a")));

        configurations.merge("c", List.of("model", "tuning"), Map.of("lr", 0.1));
        configurations.merge("c", List.of(), Map.of("model", Map.of("batch", 4)));

        assertEquals(Optional.of(Map.of("name", "a", "batch", 4, "tuning", Map.of("lr", 0.1))),
                configurations.get("c", List.of("model")));
    }

    @Test
    void aSubscriberOfAWholeComponentHearsEveryLeafAndTheHandleStopsIt() throws Exception {
        configurations.put("c", Map.of());
        AutoCloseable subscription = configurations.subscribe("c", List.of(), (component, path) -> heard.add(path.toString()));

        configurations.merge("c", List.of("a"), Map.of("b", 1));
        subscription.close();
        configurations.merge("c", List.of("a"), Map.of("b", 2));

        assertEquals(List.of("[a, b]"), heard);
        assertEquals(0, configurations.listeners());
    }

    @Test
    void valuesReadOutAreCopiesThatCannotChangeTheStore() {
        configurations.put("c", Map.of("list", List.of(1, 2)));

        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) configurations.get("c", List.of("list")).orElseThrow();
        list.add(3);

        assertEquals(Optional.of(List.of(1, 2)), configurations.get("c", List.of("list")));
    }
}
