package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.report.html.ReportHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variant's Lambda functions: their memory size and mode in the limits table, their counters in a table of their own. */
class LambdaReportTest {

    private static final long MIB = 1024 * 1024;
    private static final String BUSY = "com.edgetwin.lambda.Busy";

    @TempDir
    Path dir;

    @Test
    void aContainerFunctionsMemorySizeIsItsLimitNotUnlimited() {
        String markdown = ReportMarkdown.render(report());
        String busy = markdown.lines().filter(l -> l.startsWith("| " + BUSY)).findFirst().orElseThrow();
        assertTrue(busy.contains("192 MiB size (GreengrassContainer)"), busy);
        String inference = markdown.lines().filter(l -> l.startsWith("| com.edgetwin.lambda.Inference")).findFirst().orElseThrow();
        assertTrue(inference.contains("384 MiB size, not enforced (NoContainer)"), inference);
    }

    @Test
    void everyFunctionsCountersAreTabledInReportMdAndOnThePage() {
        String markdown = ReportMarkdown.render(report());
        assertTrue(markdown.contains("Lambda functions:"), markdown);
        String row = markdown.lines().filter(l -> l.startsWith("| " + BUSY) && l.contains("| GreengrassContainer "))
                .findFirst().orElseThrow();
        assertTrue(row.matches("\\| " + Pattern.quote(BUSY)
                + "\\s+\\| GreengrassContainer\\s+\\|\\s+192\\.0 \\|\\s+190\\.5 \\|\\s+36 \\|\\s+1,600 \\|\\s+1,400 \\|\\s+0 \\|\\s+2 \\|"
                + "\\s+36 \\|\\s+200 \\|\\s+80 \\|\\s+4 \\|\\s+912 \\|"), row);
        String html = ReportHtml.render(report());
        assertTrue(html.contains("<h4>Lambda functions</h4>"));
        assertTrue(html.contains("192 MiB size (GreengrassContainer)"));
    }

    @Test
    void aReportWithFunctionsReadsBackAndOneFromBeforeThemReadsWithout() throws IOException {
        Path file = dir.resolve("report.json");
        ReportJson.write(report(), file);
        assertEquals(report().variants(), ReportJson.read(file).variants());

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        for (JsonNode component : root.at("/variants/container/components")) {
            ((ObjectNode) component).remove("lambda");
        }
        Files.writeString(file, json.writeValueAsString(root));
        assertNull(ReportJson.read(file).variants().get("container").components().get(BUSY).lambda());
    }

    static Report report() {
        VariantResult base = SampleReports.limited();
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        components.put(BUSY, new ComponentResult(ComponentLimits.unlimited(), true, "RUNNING", 0, 36, (long) (190.5 * MIB),
                0.9, 0.0, List.of(), new LambdaResult("GreengrassContainer", 196608, 1600, 200, 1400, 0, 2, 36, 80, 4, 912)));
        components.put("com.edgetwin.lambda.Inference", new ComponentResult(ComponentLimits.unlimited(), false, "RUNNING", 0, 0,
                100 * MIB, 0.1, 0.0, List.of(), new LambdaResult("NoContainer", 393216, 1600, 0, 1600, 0, 0, 0, 1, 1, 1200)));
        VariantResult container = VariantResult.measured(base.device(), base.requested(), base.twinStartMs(),
                base.validity(), base.requests(), base.latencyMs(), base.latencyHistogram(), base.throughputPerSec(),
                base.devicePeakMemoryBytes(), new OomKills(0, Map.of(BUSY, 36L)), components);
        return SampleReports.of("lambda-inference", Map.of("container", container));
    }
}
