package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.report.confidence.RepeatedRuns;
import io.edgetwin.report.confidence.WindowBootstrap;
import io.edgetwin.report.html.ReportHtml;
import io.edgetwin.report.junit.JUnitXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interference and repeats in every format: report.json (and its schema), report.md, report.html, junit.xml. */
class RepeatsRenderingTest {

    @TempDir
    Path dir;

    private final Report repeated = RepeatedRuns.combine(List.of(withInterference(0.03), withInterference(0.07),
            withInterference(0.05)), new WindowBootstrap(300, 42));

    @Test
    void markdownStatesTheInterferenceTheSpreadsAndTheComparison() {
        String md = ReportMarkdown.render(repeated);

        assertTrue(md.contains("limited: others on this host used 3 % of the 2 cores during the measured part"), md);
        assertTrue(md.contains("## Repeats (3): median [min–max]"), md);
        assertTrue(md.contains(" 5 [3–7] |"), md);
        assertTrue(md.contains("limited latency.p99 / unlimited = "), md);
    }

    @Test
    void htmlDrawsTheInterferenceBesideTheLatencyAndTabulatesTheRepeats() {
        String html = ReportHtml.render(repeated);

        assertTrue(html.contains("id=\"repeats\""), "repeats section");
        assertTrue(html.contains("others&#39; CPU") || html.contains("others' CPU"), "the interference line");
        assertTrue(html.contains("3 repeats; median [min–max]"), "the spread explained");
        assertTrue(html.contains("lower than the baseline in"), "the comparison table");
    }

    @Test
    void junitCarriesTheSpreadsAndComparisonsAsSuiteProperties() {
        String xml = JUnitXml.render(repeated);

        assertTrue(xml.contains("<property name=\"repeats\" value=\"3\"/>"), xml);
        assertTrue(xml.contains("<property name=\"host.outsideCpu\" value=\"0.050\"/>"), "the median of 3, 7 and 5 %: " + xml);
        assertTrue(xml.contains("name=\"comparison limited latency.p99 / unlimited\""), xml);
    }

    @Test
    void jsonReadsBackAndValidatesAgainstTheSchema() throws IOException {
        Path file = dir.resolve("report.json");
        ReportJson.write(repeated, file);

        assertEquals(repeated, ReportJson.read(file));
    }

    @Test
    void aReportWrittenBeforeInterferenceAndRepeatsStillReads() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(ReportJson.toJson(SampleReports.quickstart()));
        root.remove("repeats");
        root.get("variants").forEach(v -> ((ObjectNode) v).remove("interference"));
        Path file = Files.writeString(dir.resolve("old.json"), json.writeValueAsString(root));

        assertEquals(SampleReports.quickstart(), ReportJson.read(file));
    }

    private static Report withInterference(double share) {
        Report run = new SyntheticRun(1, 30, 1_500).report();
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        run.variants().forEach((name, v) -> variants.put(name, v.withInterference(Interference.of(2,
                List.of(new InterferenceSample(1000, share, 0, 0.01, 0.05, 0.0, 0.01),
                        new InterferenceSample(2000, share, 0, 0.01, 0.05, 0.0, 0.01))))));
        return run.withVariants(variants);
    }
}
