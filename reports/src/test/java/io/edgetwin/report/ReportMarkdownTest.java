package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

    private final String markdown = ReportMarkdown.render(SampleReports.quickstart());

    @Test
    void titleNamesTheScenarioAndTheVerdict() {
        assertEquals("# quickstart: ❌ FAIL", markdown.lines().findFirst().orElseThrow());
    }

    @Test
    void tableHasOneColumnPerVariantInReportOrder() {
        String header = line("|  ");

        assertTrue(header.matches("\\|\\s+\\|\\s+unlimited \\|\\s+limited \\| limited vs unlimited \\|"), header);
    }

    @Test
    void effectIsStatedInOneLineBeforeTheTable() {
        assertTrue(markdown.contains("**limited vs unlimited: p99 1.6× lower (61.3 → 38.5 ms), p50 1.3× higher (10 → 12.5 ms),"
                + " errors 10 vs 2, OOM kills 2 vs 1, peak memory 1.4× lower (1010 → 700 MiB)**"), markdown);
        assertTrue(markdown.indexOf("**limited vs unlimited") < markdown.indexOf("| run"));
    }

    @Test
    void tableShowsAppliedCapsAndTheRequestedValueWhereTheyDiffer() {
        assertTrue(line("| memory cap (MiB)").matches("\\| memory cap \\(MiB\\)\\s+\\|\\s+1024 \\|\\s+1024 \\|\\s+\\|"),
                line("| memory cap (MiB)"));
        assertTrue(line("| cpus").contains("|   1.5 (requested 2) |"), line("| cpus"));
        assertTrue(line("| pids").matches("\\| pids\\s+\\|\\s+unlimited \\|\\s+256 \\|\\s+\\|"), line("| pids"));
    }

    @Test
    void tableShowsRequestsLatencyAndOomKillsOfEachVariant() {
        assertTrue(line("| requests sent / ok / failed / late").contains("| 1000 / 990 / 10 / 3 |"));
        assertTrue(line("| latency p99 (ms)").matches(".*\\|\\s+61.25 \\|\\s+38.5 \\|\\s+×0.63 \\|"), line("| latency p99"));
        assertTrue(line("| device peak memory (MiB)").matches(".*\\|\\s+1010 \\|\\s+700 \\|\\s+×0.69 \\|"));
        assertTrue(line("| component OOM kills").matches(".*\\|\\s+0 \\|\\s+log.Shipper: 2 \\|\\s+\\+2 \\|"));
    }

    @Test
    void componentLimitsSayWhetherTheyWereEnforcedOrOnlyRecorded() {
        assertTrue(markdown.contains("| ml.Inference |          512 |         1 | recorded only | RUNNING |"), markdown);
        assertTrue(markdown.contains("| log.Shipper  |           64 | 0.25 | enforced | RUNNING |        2 |         2 |"),
                markdown);
    }

    @Test
    void everyThresholdIsListedWithItsMarkAndActualValue() {
        List<String> items = markdown.lines().filter(line -> line.startsWith("- ")).toList();

        assertEquals(List.of(
                "- ❌ `latency.p99 < 50ms`: actual 61.25 ms",
                "- ✅ `errors.rate < 1%`: actual 0.2 %",
                "- ✅ `latency.p99 < 50ms`: actual 38.5 ms"), items);
    }

    @Test
    void passingReportIsTitledPassAndSaysWhenAVariantHasNoThresholds() {
        Report report = SampleReports.of("steady", Map.of("limited", SampleReports.limited()));

        String rendered = ReportMarkdown.render(report);

        assertTrue(rendered.startsWith("# steady: ✅ PASS\n"), rendered);
        assertTrue(rendered.contains("_no thresholds_"), rendered);
    }

    @Test
    void thresholdWithoutAnActualValueSaysSo() {
        VariantResult idle = SampleReports.limited().withThresholds(
                List.of(new ThresholdResult("errors.rate < 1%", null, BaseUnit.FRACTION, false)));
        Report report = SampleReports.of("idle", Map.of("limited", idle));

        assertTrue(ReportMarkdown.render(report).contains("- ❌ `errors.rate < 1%`: actual none (no value for this run)"));
    }

    @Test
    void invalidRunIsTitledInvalidAndSaysWhy() {
        VariantResult limited = SampleReports.limited();
        VariantResult invalid = new VariantResult(limited.device(), limited.requested(), 1,
                Validity.invalid("500 answers; p99 needs at least 662"), limited.requests(), limited.latencyMs(),
                limited.latencyHistogram(), 1, 1, limited.oomKills(), limited.components(), List.of(), List.of(),
                List.of(), List.of(), List.of(), true);

        String rendered = ReportMarkdown.render(SampleReports.of("short", Map.of("limited", invalid)));

        assertTrue(rendered.startsWith("# short: ⚠️ INVALID\n"), rendered);
        assertTrue(rendered.contains("- ⚠️ limited run invalid: 500 answers; p99 needs at least 662"), rendered);
        assertTrue(rendered.contains("| run "), rendered);
    }

    private String line(String prefix) {
        return markdown.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in\n" + markdown));
    }
}
