package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What the search does, whatever a busy shared host makes of the latency SLO (a top trial once missed
     * p99 < 100 ms at 2 cpus): every trial is classified with its evidence, each bisection keeps narrowing
     * its bracket, and the search ends in a verdict that the exit code, the confirm run and the files agree
     * with. Which caps meet an SLO is a number, measured in docs/performance.md. Narrow ranges (4 bisection
     * steps each, 11 trials) keep this to about five minutes.
     */
    @Test
    void sizingTheAnomalyModelNarrowsItsBracketsAndEndsInAVerdictItsFilesAgreeWith() throws Exception {
        int exit = Main.execute("size", shortTrials(), "--component", INFERENCE, "--slo", "latency.p99 < 100ms",
                "--memory", "128m..256m", "--cpus", "1..2", "--out", out.toString());

        ObjectMapper json = new ObjectMapper();
        JsonNode sizing = json.readTree(out.resolve("sizing.json").toFile());
        String verdict = sizing.get("verdict").asText();
        assertThat(verdict).isIn("CONFIRMED", "UNCONFIRMED", "NO_FEASIBLE_CAPS");
        assertEquals(verdict.equals("CONFIRMED") ? Main.PASSED : Main.THRESHOLD_FAILED, exit, "exit code of " + verdict);
        List<JsonNode> trials = new ArrayList<>();
        sizing.get("trials").forEach(trials::add);
        long invalid = trials.stream().filter(t -> t.get("outcome").asText().equals("INVALID")).count();
        assertThat(trials).isNotEmpty().hasSizeLessThanOrEqualTo(11 + (int) invalid).allSatisfy(this::isClassifiedWithEvidence);
        assertEveryTrialRanOnTheFirstTrialsTwinWithItsOwnLimits(trials);
        JsonNode top = trials.get(0);
        assertThat(top.get("phase").asText()).isEqualTo("TOP");
        assertThat(top.get("memoryKb").asLong()).isEqualTo(256 * 1024);
        assertThat(top.get("cpus").asDouble()).isEqualTo(2.0);
        assertThat(out.resolve("sizing.html")).content().contains("SLO 100 ms", verdict);
        if (verdict.equals("NO_FEASIBLE_CAPS")) {
            assertThat(trials).hasSize(1);
            assertThat(top.get("outcome").asText()).isNotEqualTo("PASS");
            assertThat(sizing.get("summary").asText()).startsWith("no feasible caps: fails even at 256m, cpus 2: ");
        } else {
            assertThat(trials).extracting(t -> t.get("phase").asText()).endsWith("JOINT", "CONFIRM");
            assertThat(top.get("residentBytes").asLong()).as("the top trial read the component's anonymous memory from the host")
                    .isPositive().isLessThanOrEqualTo(top.get("componentPeakBytes").asLong());
            assertBracketNarrows(trials, "MEMORY", 128 * 1024, 256 * 1024);
            assertBracketNarrows(trials, "CPU", 1.0, 2.0);
            JsonNode recommended = sizing.get("recommendation");
            assertThat(recommended.get("memoryKb").asLong()).isBetween(128L * 1024, 256L * 1024);
            JsonNode confirm = sizing.get("confirmRun");
            assertThat(confirm.get("outcome").asText().equals("PASS")).isEqualTo(verdict.equals("CONFIRMED"));
            assertThat(out.resolve(confirm.get("report").asText())).exists();
        }
        if (verdict.equals("CONFIRMED")) {
            JsonNode recommended = sizing.get("recommendation");
            JsonNode limits = json.readTree(out.resolve("deployment-snippet.json").toFile())
                    .at("/components/" + INFERENCE + "/runWith/systemResourceLimits");
            assertThat(limits.get("memory").asLong()).isEqualTo(recommended.get("memoryKb").asLong());
            assertThat(limits.get("cpus").asDouble()).isEqualTo(recommended.get("cpus").asDouble());
        } else {
            assertThat(out.resolve("deployment-snippet.json")).as("no snippet for caps that were not confirmed").doesNotExist();
        }
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    /**
     * One twin serves the whole search: every trial's report names the twin the first trial started, and shows
     * the sized component with that trial's own limits.
     */
    private void assertEveryTrialRanOnTheFirstTrialsTwinWithItsOwnLimits(List<JsonNode> trials) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int reports = 0;
        for (JsonNode trial : trials) {
            String evidence = trial.get("evidence").asText();
            if (!evidence.endsWith("report.json")) {
                continue;
            }
            JsonNode variant = json.readTree(out.resolve(evidence).toFile()).get("variants").elements().next();
            assertThat(variant.at("/twins/0/name").asText()).as("trial %s's twin", trial.get("number"))
                    .endsWith("-trial01-1");
            JsonNode component = variant.at("/components/" + INFERENCE);
            assertThat(component.at("/limits/memoryKb").asLong()).isEqualTo(trial.get("memoryKb").asLong());
            assertThat(component.at("/limits/cpus").asDouble()).isEqualTo(trial.get("cpus").asDouble());
            reports++;
        }
        assertThat(reports).as("trials with a report").isGreaterThan(0);
    }

    private void isClassifiedWithEvidence(JsonNode trial) {
        assertThat(trial.get("outcome").asText()).isIn("PASS", "OOM", "THRASH", "SLO_MISS", "INVALID");
        assertThat(trial.get("detail").asText()).isNotBlank();
        assertThat(out.resolve(trial.get("evidence").asText())).exists();
    }

    /** Each trial of {@code phase} lies strictly inside the bracket the earlier ones left: a pass lowers its top, a failure raises its bottom. */
    private static void assertBracketNarrows(List<JsonNode> trials, String phase, double low, double high) {
        String field = phase.equals("MEMORY") ? "memoryKb" : "cpus";
        double failing = low;
        double passing = high;
        for (JsonNode trial : trials) {
            if (!trial.get("phase").asText().equals(phase)) {
                continue;
            }
            double value = trial.get(field).asDouble();
            assertThat(value).as("%s trial %s inside the bracket %s..%s", phase, trial.get("number"), failing, passing)
                    .isGreaterThan(failing).isLessThan(passing);
            if (trial.get("outcome").asText().equals("PASS")) {
                passing = value;
            } else {
                failing = value;
            }
        }
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

    /**
     * An SLO no twin can meet (every answer crosses the broker twice, milliseconds on any host) is lost within
     * the first seconds of the measured load: the top check stops its load there, says so, and its report
     * counts fewer requests than the 800 planned.
     */
    @Test
    void aLostSloStopsTheTrialsLoadEarlyAndTheTrialSaysSo() throws Exception {
        int exit = Main.execute("size", shortTrials(), "--component", INFERENCE, "--slo", "latency.p99 < 0.1ms",
                "--memory", "128m..256m", "--cpus", "1..2", "--out", out.toString());

        assertEquals(Main.THRESHOLD_FAILED, exit);
        ObjectMapper json = new ObjectMapper();
        JsonNode top = json.readTree(out.resolve("sizing.json").toFile()).get("trials").get(0);
        assertThat(top.get("outcome").asText()).isEqualTo("SLO_MISS");
        assertThat(top.get("detail").asText()).startsWith("latency.p99 < 0.1ms lost: ")
                .contains("more than the 8 that 800 planned requests allow")
                .contains("the load stopped early after ").endsWith("s measured: the SLO was already lost");
        JsonNode report = json.readTree(out.resolve(top.get("evidence").asText()).toFile());
        assertThat(report.at("/variants/trial01/requests/sent").asLong()).isPositive().isLessThan(800);
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
