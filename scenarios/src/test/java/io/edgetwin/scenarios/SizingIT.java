package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgetwin size} on real twins: what a user sees when the ranges are wrong or too small. */
class SizingIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final Path SIZE_ANOMALY = HOME.resolve("scenarios/size-anomaly.yaml");
    private static final String INFERENCE = "com.edgetwin.Inference";

    @TempDir
    Path out;

    /**
     * size-anomaly.yaml with shorter trials (3 s warm-up, 16 s measured = 800 requests, still enough for a
     * p99): these tests prove what the command does; the full scenario's numbers are in docs/performance.md.
     */
    private String shortTrials() throws IOException {
        String text = Files.readString(SIZE_ANOMALY);
        assertThat(text).contains("warmup: 15s", "duration: 48s");
        Path scenario = out.resolve("size-anomaly-short.yaml");
        Files.writeString(scenario, text.replace("warmup: 15s", "warmup: 3s").replace("duration: 48s", "duration: 16s"));
        return scenario.toString();
    }

    /** Narrow ranges (4 bisection steps each, 11 trials) keep this to about five minutes. */
    @Test
    void sizingTheAnomalyModelConfirmsARecommendationAndWritesTheThreeFiles() throws Exception {
        int exit = Main.execute("size", shortTrials(), "--component", INFERENCE, "--slo", "latency.p99 < 100ms",
                "--memory", "128m..256m", "--cpus", "1..2", "--out", out.toString());

        assertEquals(Main.PASSED, exit);
        ObjectMapper json = new ObjectMapper();
        JsonNode sizing = json.readTree(out.resolve("sizing.json").toFile());
        assertThat(sizing.get("verdict").asText()).isEqualTo("CONFIRMED");
        assertThat(sizing.get("trials").size()).isBetween(3, 11);
        JsonNode confirm = sizing.get("confirmRun");
        assertThat(out.resolve(confirm.get("report").asText())).exists();
        JsonNode recommended = sizing.get("recommendation");
        assertThat(recommended.get("memoryKb").asLong()).isBetween(128L * 1024, 256L * 1024);
        JsonNode limits = json.readTree(out.resolve("deployment-snippet.json").toFile())
                .at("/components/" + INFERENCE + "/runWith/systemResourceLimits");
        assertThat(limits.get("memory").asLong()).isEqualTo(recommended.get("memoryKb").asLong());
        assertThat(limits.get("cpus").asDouble()).isEqualTo(recommended.get("cpus").asDouble());
        assertThat(out.resolve("sizing.html")).content().contains("<svg", "SLO 100 ms");
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    @Test
    void aRangeWhoseTopFailsEndsAfterOneTrialWithNoFeasibleCapsAndItsEvidence() throws Exception {
        int exit = Main.execute("size", shortTrials(), "--component", INFERENCE, "--slo", "latency.p99 < 50ms",
                "--memory", "16m..24m", "--cpus", "0.1..2", "--out", out.toString());

        assertEquals(Main.THRESHOLD_FAILED, exit);
        JsonNode sizing = new ObjectMapper().readTree(out.resolve("sizing.json").toFile());
        assertThat(sizing.get("verdict").asText()).isEqualTo("NO_FEASIBLE_CAPS");
        assertThat(sizing.get("summary").asText()).startsWith("no feasible caps: fails even at 24m, cpus 2: ");
        assertThat(sizing.get("trials")).hasSize(1);
        JsonNode top = sizing.get("trials").get(0);
        assertThat(top.get("outcome").asText()).isNotEqualTo("PASS");
        assertThat(top.get("memoryKb").asLong()).isEqualTo(24 * 1024);
        assertThat(out.resolve(top.get("evidence").asText())).exists();
        assertThat(out.resolve("sizing.html")).exists();
        assertThat(out.resolve("deployment-snippet.json")).doesNotExist();
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    @Test
    void aComponentNotInTheScenarioExitsTwoBeforeAnyTwinStarts() throws Exception {
        int exit = Main.execute("size", shortTrials(), "--component", "ml.Nope", "--slo", "latency.p99 < 50ms",
                "--out", out.toString());

        assertEquals(Main.BAD_INPUT, exit);
        assertThat(out.resolve("sizing.json")).doesNotExist();
        assertThat(Leftovers.containers()).isEmpty();
    }
}
