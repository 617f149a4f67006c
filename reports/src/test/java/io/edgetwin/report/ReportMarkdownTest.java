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

        assertTrue(header.matches("\\|\\s+\\|\\s+unlimited \\|\\s+limited \\|"), header);
    }

    @Test
    void tableShowsAppliedCapsAndTheRequestedValueWhereTheyDiffer() {
        assertTrue(line("| memory cap (MiB)").matches("\\| memory cap \\(MiB\\)\\s+\\|\\s+1024 \\|\\s+1024 \\|"),
                line("| memory cap (MiB)"));
        assertTrue(line("| cpus").endsWith("|   1.5 (requested 2) |"), line("| cpus"));
        assertTrue(line("| pids").matches("\\| pids\\s+\\|\\s+unlimited \\|\\s+256 \\|"), line("| pids"));
    }

    @Test
    void tableShowsRequestsLatencyAndOomKillsOfEachVariant() {
        assertTrue(line("| requests sent / ok / failed / late").contains("| 1000 / 990 / 10 / 3 |"));
        assertTrue(line("| latency p99 (ms)").matches(".*\\|\\s+61.25 \\|\\s+38.5 \\|"), line("| latency p99"));
        assertTrue(line("| device peak memory (MiB)").matches(".*\\|\\s+1010 \\|\\s+700 \\|"));
        assertTrue(line("| component OOM kills").matches(".*\\|\\s+0 \\|\\s+log.Shipper: 2 \\|"));
    }

    @Test
    void recoverySectionShowsEveryTwinsWayBackAndMarksOneThatDidNotAnswer() {
        String withOutage = ReportMarkdown.render(new SyntheticRun(2, 30, 600).report());

        assertTrue(withOutage.contains("## Recovery"), withOutage);
        List<String> rows = withOutage.lines().filter(l -> l.contains("broker-outage")).toList();
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(0).matches("\\| limited\\s+\\| broker-outage \\|\\s+12.0 \\|\\s+22.0 \\|\\s+90 \\| noisy-neighbor-01 \\|"
                + "\\s+180 \\|\\s+240 \\|"), rows.get(0));
        assertTrue(rows.get(3).endsWith(" not within the run |"), rows.get(3));
    }

    @Test
    void noRecoverySectionWithoutAFaultThatCutTwinsOff() {
        assertTrue(!markdown.contains("## Recovery"), markdown);
        assertTrue(line("| requests unsent (harness offline)").matches(".*\\|\\s+0 \\|\\s+0 \\|"));
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
