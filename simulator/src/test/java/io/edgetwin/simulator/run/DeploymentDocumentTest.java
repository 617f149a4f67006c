package io.edgetwin.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.scenario.ArtifactSettings;
import io.edgetwin.simulator.scenario.ComponentOverride;
import io.edgetwin.simulator.scenario.ValidityRules;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentDocumentTest {

    private static final String INFERENCE = "com.edgetwin.Inference";

    @Test
    void aVariantsVersionAndConfigurationWinOverTheScenariosKeyByKey() throws Exception {
        Variant baseline = new Variant("baseline", Map.of(), List.of());
        Variant candidate = new Variant("candidate", Map.of(), List.of(),
                Map.of(INFERENCE, new ComponentOverride(Optional.of("2.0.0"), Map.of("threads", 1))));
        Scenario scenario = new Scenario(Path.of("s.yaml"), "name: s\n", "s", 42, new DeviceSpec(1L << 30, 1L << 30, 1.0, 0),
                null, 1, Map.of(INFERENCE, new ScenarioComponent(INFERENCE, "1.0.0", Map.of("model", "anomaly-mlp", "threads", "auto"))),
                List.of(baseline, candidate), new Workload(INFERENCE, new Arrival.Constant(10), Duration.ZERO, Duration.ofSeconds(1),
                "anomaly-mlp"), List.of(), ValidityRules.DEFAULT, Scenario.Execution.SEQUENTIAL, ArtifactSettings.NONE);

        JsonNode base = component(DeploymentDocument.of(scenario, baseline, "r"));
        JsonNode cand = component(DeploymentDocument.of(scenario, candidate, "r"));

        assertEquals("1.0.0", base.path("version").asText());
        assertEquals("auto", base.at("/configurationUpdate/merge/threads").asText());
        assertEquals("2.0.0", cand.path("version").asText());
        assertEquals(1, cand.at("/configurationUpdate/merge/threads").asInt());
        assertEquals("anomaly-mlp", cand.at("/configurationUpdate/merge/model").asText());
    }

    private static JsonNode component(String document) throws Exception {
        return new ObjectMapper().readTree(document).path("components").path(INFERENCE);
    }
}
