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

        assertEquals(List.of("scenario", "schemaVersion", "startedAt", "finishedAt", "verdict", "variants"),
                fieldNames(root));
        assertEquals(1, root.get("schemaVersion").intValue());
        assertEquals("2026-11-26T13:00:00Z", root.get("startedAt").textValue());
        assertEquals("FAIL", root.get("verdict").textValue());
        JsonNode unlimited = root.at("/variants/unlimited");
        assertEquals(List.of("device", "requested", "twinStartMs", "requests", "latencyMs", "throughputPerSec",
                "devicePeakMemoryBytes", "oomKills", "components", "thresholds", "passed"), fieldNames(unlimited));
        assertTrue(unlimited.at("/device/pids").isNull(), "unlimited pids are written as null");
        assertTrue(unlimited.at("/components/log.Shipper/limits/memoryKb").isNull());
        assertEquals(61.25, unlimited.at("/latencyMs/p99").doubleValue());
        assertEquals("ms", unlimited.at("/thresholds/0/unit").textValue());
        assertEquals("latency.p99 < 50ms", unlimited.at("/thresholds/0/expr").textValue());
        assertEquals(2, root.at("/variants/limited/oomKills/components/log.Shipper").intValue());
    }

    @Test
    void reportOfAnotherSchemaVersionIsRefusedNamingTheVersionAndTheFile() throws IOException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("schemaVersion 2 is not supported; expected 1"), refused.getMessage());
    }

    @Test
    void truncatedReportIsRefusedNamingTheFileAndWhereItEnds() throws IOException {
        Path file = written();
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() / 2));

        ReportException refused = assertThrows(ReportException.class, () -> ReportJson.read(file));

        assertTrue(refused.getMessage().startsWith("report '" + file + "' at line "), refused.getMessage());
        assertTrue(refused.getMessage().contains("end-of-input"), refused.getMessage());
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

        assertEquals(List.of(dir.resolve("out/report.json"), dir.resolve("out/report.md")), written);
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
