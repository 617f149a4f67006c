package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every report the module writes validates against docs/report.schema.json, the published contract. */
class ReportSchemaTest {

    private static final Path SCHEMA = Path.of("..", "docs", "report.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema CONTRACT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(read(SCHEMA));

    @Test
    void sampleReportValidatesAgainstTheSchema() throws IOException {
        assertEquals(List.of(), errors(ReportJson.toJson(SampleReports.quickstart())));
    }

    @Test
    void reportWithAFullTimelineValidatesAgainstTheSchema() throws IOException {
        assertEquals(List.of(), errors(ReportJson.toJson(new SyntheticRun(3, 120, 12_000).report())));
    }

    @Test
    void reportWithRepeatsAndInterferenceValidatesAgainstTheSchema() throws IOException {
        Report run = new SyntheticRun(1, 30, 1_500).report();
        java.util.Map<String, VariantResult> variants = new java.util.LinkedHashMap<>();
        run.variants().forEach((name, v) -> variants.put(name, v.withInterference(Interference.of(2, List.of(
                new InterferenceSample(1000, 0.1, 0.0, 0.02, 0.3, null, 0.01))))));
        Report repeated = io.edgetwin.report.confidence.RepeatedRuns.combine(List.of(run.withVariants(variants), run),
                new io.edgetwin.report.confidence.WindowBootstrap(200, 1));

        assertEquals(List.of(), errors(ReportJson.toJson(repeated)));
    }

    @Test
    void reportWithWorkloadsCorrectAnswersAndAPartialVariantValidatesAgainstTheSchema() throws IOException {
        java.util.Map<String, WorkloadResult> workloads = new java.util.LinkedHashMap<>();
        workloads.put("anomaly", new WorkloadResult("ml.Inference", Validity.ok(), new RequestCounts(500, 500, 0, 0),
                new LatencySummary(2, 4, 8, 9, 3), SampleReports.histogram(2, 8), 50, 490, List.of(new Window(0, 500, 0, 2, 8,
                SampleReports.histogram(2, 8)))));
        java.util.Map<String, VariantResult> variants = new java.util.LinkedHashMap<>();
        variants.put("limited", SampleReports.limited().withCorrect(980).withWorkloads(workloads));
        variants.put("unlimited", SampleReports.unlimited().withPartial("interrupted (Ctrl-C) after 3.0 of 30 s"));

        assertEquals(List.of(), errors(ReportJson.toJson(SampleReports.of("two-models", variants)
                .abortedBecause("interrupted (Ctrl-C)"))));
    }

    @Test
    void reportWithLambdaFunctionsValidatesAgainstTheSchema() throws IOException {
        assertEquals(List.of(), errors(ReportJson.toJson(LambdaReportTest.report())));
    }

    @Test
    void invalidRunValidatesAgainstTheSchema() throws IOException {
        Report invalid = new SyntheticRun(1, 10, 100).report();

        assertEquals(Outcome.INVALID, invalid.verdict());
        assertEquals(List.of(), errors(ReportJson.toJson(invalid)));
    }

    @Test
    void reportNamingMissingSeriesValidatesAgainstTheSchema() throws IOException {
        VariantResult limited = SampleReports.limited().withMissingSeries(List.of(
                new MissingSeries("quickstart-limited-1", "device", null, -2000, null, "cgroup v2 of container 4f9c not found"),
                new MissingSeries("quickstart-limited-1", "device", "memoryPeakBytes", 0, null, "memory.peak is absent"),
                new MissingSeries("quickstart-limited-1", "com.edgetwin.Inference", null, 3000, 9000L, "no status")));

        assertEquals(List.of(), errors(ReportJson.toJson(SampleReports.of("quickstart", java.util.Map.of("limited", limited)))));
    }

    @Test
    void abortedReportWithProvenanceAndComparisonsValidatesAgainstTheSchema() throws IOException {
        java.util.Map<String, VariantResult> variants = new java.util.LinkedHashMap<>();
        variants.put("limited", SampleReports.limited());
        variants.put("unlimited", SampleReports.unlimited());
        Report report = SampleReports.of("quickstart", io.edgetwin.report.gate.Gate.judge(variants, java.util.Map.of("limited",
                io.edgetwin.report.gate.Threshold.parseAll(List.of("latency.p99 < 0.5 * unlimited.latency.p99",
                        "memory.peak.component[ml.Inference] <= unlimited.memory.peak.component[ml.Inference]")))))
                .withProvenance(new Provenance("0.1.0-SNAPSHOT", null, "edgetwin/twin:7ac2 sha256:1f", "AMD EPYC", 2, 24L << 30,
                        "6.1.0", "2", "systemd", "26.1.5", "Debian 17.0.15"))
                .abortedBecause("interrupted (Ctrl-C)");

        assertEquals(List.of(), errors(ReportJson.toJson(report)));
    }

    @Test
    void schemaRejectsAReportWithoutAVariantsValidity() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(ReportJson.toJson(SampleReports.quickstart()));
        ((ObjectNode) root.at("/variants/limited")).remove("validity");

        List<String> errors = errors(JSON.writeValueAsString(root));

        assertFalse(errors.isEmpty());
        assertEquals(true, errors.get(0).contains("validity"), errors.toString());
    }

    @Test
    void schemaRejectsAnotherSchemaVersion() throws IOException {
        String v1 = ReportJson.toJson(SampleReports.quickstart()).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1");

        assertFalse(errors(v1).isEmpty());
    }

    /** What docs/report.schema.json says is wrong with {@code report} (a report.json's text); empty when it validates. */
    static List<String> errors(String report) throws IOException {
        return CONTRACT.validate(JSON.readTree(report)).stream().map(Error::toString).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
