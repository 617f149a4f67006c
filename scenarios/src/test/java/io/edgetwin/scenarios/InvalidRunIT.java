package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run too short for the percentile it asks for is INVALID, with its own exit code and the reasons. */
class InvalidRunIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void threeSecondsAtTenPerSecondAskingForP99ExitsThreeWithTheReasons() throws Exception {
        Path scenario = dir.resolve("too-short.yaml");
        Files.writeString(scenario, Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("rate: 50/s", "rate: 10/s").replace("warmup: 5s", "warmup: 1s").replace("duration: 30s", "duration: 3s"));
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--out", out.toString());

        assertEquals(Main.INVALID, exit);
        JsonNode observations = new ObjectMapper().readTree(out.resolve("observations.json").toFile());
        assertEquals("INVALID", observations.path("verdict").asText());
        JsonNode limited = observations.path("variants").path("limited").path("validity");
        assertThat(limited.path("valid").asBoolean()).isFalse();
        assertThat(limited.path("reasons").toString()).contains("p99").contains("662").contains("minimum is 10000 ms");
        assertThat(out.resolve("report.json")).exists();
        assertThat(Leftovers.containers()).isEmpty();
    }
}
