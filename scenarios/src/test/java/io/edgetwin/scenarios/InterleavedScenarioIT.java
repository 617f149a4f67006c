package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interleaved variants: both fleets up, the load alternating in slices, each variant's slices combined. */
class InterleavedScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void interleavedVariantsEachGetTheirWholeDurationInSlicesAndSaySo() throws Exception {
        Path scenario = dir.resolve("interleaved.yaml");
        Files.writeString(scenario, Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("duration: 30s", "duration: 15s").replace("warmup: 5s", "warmup: 2s") + "execution: interleaved\n");
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--out", out.toString());

        assertThat(exit).isIn(Main.PASSED, Main.THRESHOLD_FAILED);
        JsonNode observations = new ObjectMapper().readTree(out.resolve("observations.json").toFile());
        assertEquals("interleaved", observations.path("execution").asText());
        for (String variant : List.of("limited", "unlimited")) {
            JsonNode v = observations.path("variants").path(variant);
            assertEquals(750, v.path("generator").path("scheduled").asLong(), "15 s at 50/s, in three slices of 5 s");
            assertThat(v.path("windows").size()).isBetween(15, 18);
            assertThat(v.path("windows").get(14).path("startMs").asLong()).isEqualTo(14_000);
        }
        assertThat(Leftovers.containers()).isEmpty();
    }
}
