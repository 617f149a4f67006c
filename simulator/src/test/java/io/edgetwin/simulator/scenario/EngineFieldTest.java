package io.edgetwin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's {@code engine}: docker unless the file names swarm; anything else is refused where it stands. */
class EngineFieldTest {

    private static final String BASE = """
            name: engine
            device: {memory: 512m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            variants:
              limited: {}
              unlimited: {}
            workload: {target: com.edgetwin.Inference, rate: 10/s, warmup: 2s, duration: 20s}
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0")), 2);

    @Test
    void aScenarioRunsOnDockerUnlessItNamesSwarm() throws IOException {
        assertEquals(Engine.DOCKER, reader.read(write(BASE)).engine());
        Scenario swarm = reader.read(write(BASE + "engine: swarm\n"));

        assertEquals(Engine.SWARM, swarm.engine());
        assertEquals(Engine.DOCKER, swarm.withEngine(Engine.DOCKER).engine());
    }

    @Test
    void anUnknownEngineIsRefusedAtItsLine() throws IOException {
        Path file = write(BASE + "engine: kubernetes\n");

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertThat(e.getMessage()).contains(file + ":9:").contains("'kubernetes' is not an engine; expected docker or swarm");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("engine.yaml"), text);
    }
}
