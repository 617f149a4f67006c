package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizingFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-26T15:00:00Z");

    @TempDir
    Path dir;

    private final SizingRequest request = SizingRequest.of(SizingRequestTest.scenario(50, Duration.ofSeconds(16)),
            "com.edgetwin.Inference", List.of("latency.p99 < 50ms"), "64m..1g", "0.1..2");

    private Sizing size(ThresholdRunner runner) throws Exception {
        return new SizingSearch(request.memory(), request.cpus(), runner, line -> { }).run();
    }

    @Test
    void aConfirmedSizingWritesTheThreeFilesAndLinksTheConfirmRunsReport() throws Exception {
        Sizing sizing = size(ThresholdRunner.needing(300, 0.5));
        List<Path> files = SizingFiles.writeAll(request, sizing, START, START.plusSeconds(600), dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("sizing.json", "sizing.html", "deployment-snippet.json");

        JsonNode json = JSON.readTree(dir.resolve("sizing.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("CONFIRMED");
        assertThat(json.get("confirmRun").get("report").asText()).isEqualTo("trials/" + sizing.confirm().number() + "/report.json");
        assertThat(json.get("recommendation").get("memoryKb").asLong()).isEqualTo(sizing.recommendation().memoryKb());
        assertThat(json.get("trials")).hasSize(sizing.trials().size());
        assertThat(json.get("slos").get(1).asText()).isEqualTo("errors.rate < 1%");

        JsonNode limits = JSON.readTree(dir.resolve("deployment-snippet.json").toFile())
                .at("/components/com.edgetwin.Inference/runWith/systemResourceLimits");
        assertThat(limits.get("memory").asLong()).isEqualTo(sizing.recommendation().memoryKb());
        assertThat(limits.get("cpus").asDouble()).isEqualTo(sizing.recommendation().cpus());
    }

    @Test
    void theHtmlIsSelfContainedWithBothChartsTheSloLineAndFailuresMarkedByCause() throws Exception {
        SizingFiles.writeAll(request, size(ThresholdRunner.needing(300, 0.5)), START, START.plusSeconds(600), dir);
        String html = Files.readString(dir.resolve("sizing.html"));
        assertThat(html).contains("latency p99 vs memory cap", "latency p99 vs cpu cap", "SLO 50 ms", "<title>OOM</title>",
                "<title>SLO_MISS</title>", "<title>PASS</title>");
        assertThat(html.split("<svg xmlns", -1)).hasSize(3);
        assertThat(html).doesNotContain("<script src", "<link ");
    }

    @Test
    void noFeasibleCapsWritesTheEvidenceButNoSnippet() throws Exception {
        Sizing sizing = size(ThresholdRunner.needing(2048, 0.5));
        List<Path> files = SizingFiles.writeAll(request, sizing, START, START.plusSeconds(60), dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("sizing.json", "sizing.html");
        JsonNode json = JSON.readTree(dir.resolve("sizing.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("NO_FEASIBLE_CAPS");
        assertThat(json.get("summary").asText()).contains("fails even at 1g, cpus 2: OOM in trial 1");
        assertThat(json.get("recommendation").isNull()).isTrue();
        assertThat(json.get("deploymentSnippet").isNull()).isTrue();
    }
}
