package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    @TempDir
    Path dir;

    @Test
    void reportReadBackEqualsTheReportWritten() {
        Report report = SampleReports.quickstart();
        Path file = dir.resolve("report.json");

        ReportJson.write(report, file);

        Report read = ReportJson.read(file);
        assertEquals(report, read);
        assertEquals(List.of("unlimited", "limited"), List.copyOf(read.variants().keySet()));
    }

    @Test
    void jsonUsesTheDocumentedFieldNamesAndUnits() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ReportJson.toJson(SampleReports.quickstart()));

        assertEquals(List.of("scenario", "schemaVersion", "startedAt", "finishedAt", "verdict", "seed", "execution",
                        "scenarioText", "artifactBackend", "variants", "provenance", "aborted", "repeats"),
                fieldNames(root));
        assertEquals(2, root.get("schemaVersion").intValue());
        assertEquals("sequential", root.get("execution").textValue());
        assertEquals("2026-11-26T13:00:00Z", root.get("startedAt").textValue());
        assertEquals("FAIL", root.get("verdict").textValue());
        JsonNode unlimited = root.at("/variants/unlimited");
        assertEquals(List.of("device", "requested", "twinStartMs", "validity", "requests", "latencyMs", "latencyHistogram",
                "throughputPerSec", "devicePeakMemoryBytes", "oomKills", "components", "windows", "twins", "series",
                "events", "thresholds", "passed", "missingSeries", "interference", "recovery", "correct", "partial",
                "workloads", "placement", "security"),
                fieldNames(unlimited));
        assertTrue(unlimited.at("/device/pids").isNull(), "unlimited pids are written as null");
        assertTrue(unlimited.at("/components/log.Shipper/limits/memoryKb").isNull());
        assertEquals(61.25, unlimited.at("/latencyMs/p99").doubleValue());
        assertEquals("ms", unlimited.at("/thresholds/0/unit").textValue());
        assertEquals("latency.p99 < 50ms", unlimited.at("/thresholds/0/expr").textValue());
        assertEquals(2, root.at("/variants/limited/oomKills/components/log.Shipper").intValue());
    }

    @Test
    void recoveryAndUnsentRequestsAreReadBack() {
        Report report = new SyntheticRun(2, 30, 600).report();
        Path file = dir.resolve("report.json");

        ReportJson.write(report, file);

        Report read = ReportJson.read(file);
        assertEquals(report, read);
        Recovery outage = read.variants().get("unlimited").recovery().get(0);
        assertEquals("broker-outage", outage.fault());
        assertEquals(90L, outage.harnessConnectedAfterMs());
        assertEquals(null, outage.twins().get(1).answeringAfterMs(), "a twin not answering within the run is null");
    }

    @Test
    void aReportWrittenBeforeRecoveryAndUnsentReadsWithTheirEmptyValues() throws IOException {
        Path file = written();
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        for (JsonNode variant : root.get("variants")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) variant).remove("recovery");
            ((com.fasterxml.jackson.databind.node.ObjectNode) variant.get("requests")).remove("unsent");
        }
        Files.writeString(file, json.writeValueAsString(root));

        Report read = ReportJson.read(file);

        assertEquals(0, read.variants().get("limited").requests().unsent());
        assertEquals(List.of(), read.variants().get("limited").recovery());
    }

    @Test
    void correctAnswersAndAPartialVariantAreReadBack() {
        VariantResult stopped = SampleReports.limited().withCorrect(970).withPartial("interrupted (Ctrl-C) after 16 of 30 s");
        Report report = SampleReports.of("quickstart", java.util.Map.of("limited", stopped)).abortedBecause("interrupted");
        Path file = dir.resolve("report.json");

        ReportJson.write(report, file);

        VariantResult read = ReportJson.read(file).variants().get("limited");
        assertEquals(970L, read.correct());
        assertEquals("interrupted (Ctrl-C) after 16 of 30 s", read.partial());
        assertEquals(stopped, read);
    }

    @Test
    void aReportWrittenBeforeCorrectAnswersWereCountedReadsWithoutThem() throws IOException {
        Path file = written();
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        for (JsonNode variant : root.get("variants")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) variant).remove(List.of("correct", "partial", "workloads"));
        }
        Files.writeString(file, json.writeValueAsString(root));

        VariantResult read = ReportJson.read(file).variants().get("limited");

        assertEquals(null, read.correct());
        assertEquals(null, read.partial());
        assertTrue(Double.isNaN(read.accuracy()));
        assertEquals(Map.of(), read.workloads());
    }

    @Test
    void reportOfAnotherSchemaVersionIsRefusedNamingTheVersionAndTheFile() throws IOException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("schemaVersion 1 is not supported; expected 2"), refused.getMessage());
    }

    @Test
    void timelineReadBackEqualsTheTimelineWritten() {
        Report report = new SyntheticRun(2, 120, 10_000).report();
        Path file = dir.resolve("report.json");

        ReportJson.write(report, file);

        assertEquals(report, ReportJson.read(file));
    }

    @Test
    void seriesAreWrittenAsOneArrayPerColumn() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ReportJson.toJson(new SyntheticRun(1, 90, 1_000).report()));

        JsonNode series = root.at("/variants/limited/series/0");
        assertEquals("device", series.get("component").textValue());
        assertEquals(90, series.at("/samples/tMs").size());
        assertEquals(90, series.at("/samples/majorFaults").size());
        assertEquals(1000, series.at("/samples/tMs/1").longValue());
    }

    @Test
    void histogramsReadBackGiveTheSamePercentiles() {
        Report report = new SyntheticRun(1, 60, 6_000).report();
        Path file = dir.resolve("report.json");
        ReportJson.write(report, file);

        VariantResult read = ReportJson.read(file).variants().get("unlimited");

        VariantResult written = report.variants().get("unlimited");
        assertEquals(written.latencyHistogram().histogram().getValueAtPercentile(99),
                read.latencyHistogram().histogram().getValueAtPercentile(99));
        assertEquals(6_000, read.latencyHistogram().histogram().getTotalCount());
        assertEquals(written.windows().get(59).p99Ms(),
                read.windows().get(59).histogram().histogram().getValueAtPercentile(99) / 1e6, 0.001);
    }

    @Test
    void histogramThatDoesNotDecodeIsRefusedNamingItsPlace() throws IOException {
        Path file = written();
        String json = Files.readString(file);
        String encoded = new ObjectMapper().readTree(json).at("/variants/unlimited/latencyHistogram").textValue();
        Files.writeString(file, json.replace(encoded, "bm90IGEgaGlzdG9ncmFt"));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().contains("(variants.unlimited.latencyHistogram)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("expected an HdrHistogram's compressed encoding"), refused.getMessage());
    }

    @Test
    void truncatedReportIsRefusedNamingTheFileAndWhereItEnds() throws IOException {
        Path file = written();
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.lastIndexOf(",", json.length() / 2) + 1));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().startsWith("report '" + file + "' at line "), refused.getMessage());
        assertTrue(refused.getMessage().contains("end-of-input"), refused.getMessage());
    }

    @Test
    void aReportWrittenBeforeMissingSeriesWereNamedStillReadsWithNoneMissing() throws IOException {
        Path file = written();
        String before = Files.readString(file).replaceAll(",\\s*\"missingSeries\" : \\[ \\]", "");
        Files.writeString(file, before);

        Report read = ReportJson.read(file);

        assertTrue(!before.contains("missingSeries"), before);
        assertEquals(SampleReports.quickstart(), read);
    }

    @Test
    void reportMissingARequiredFieldIsRefusedNamingTheFieldAndItsPlace() throws IOException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replaceFirst("\"sent\" : 1000,", ""));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().contains("(variants.unlimited.requests.sent): missing required field 'sent'"),
                refused.getMessage());
    }

    @Test
    void reportWithAValueTheModelRejectsIsRefusedWithTheModelsReason() throws IOException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replaceFirst("\"failed\" : 2,", "\"failed\" : 5000,"));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("requests.ok 998 + requests.failed 5000 is 5998; expected <= requests.sent 1000"),
                refused.getMessage());
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        Path file = dir.resolve("absent.json");

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    }

    @Test
    void everyFormatWritesItsOwnFileIntoTheDirectory() {
        List<Path> written = ReportFormats.writeAll(SampleReports.quickstart(), dir.resolve("out"));

        assertEquals(List.of(dir.resolve("out/report.json"), dir.resolve("out/report.md"), dir.resolve("out/report.html"),
                dir.resolve("out/junit.xml")), written);
        assertTrue(written.stream().allMatch(Files::isRegularFile), written.toString());
    }

    private Path written() {
        Path file = dir.resolve("report.json");
        ReportJson.write(SampleReports.quickstart(), file);
        return file;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
