package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void smallChangesReadAsPercentagesAndTinyOnesAsTheSame() {
        assertEquals("p50 4 % lower (3.6 → 3.5 ms)", new io.edgetwin.report.headline.Change("p50", 3.478, 3.619, "ms", false).words());
        assertEquals("p50 about the same (3.6 → 3.6 ms)", new io.edgetwin.report.headline.Change("p50", 3.6, 3.619, "ms", false).words());
        assertEquals("p99 4.2× lower (49.5 → 11.8 ms)", new io.edgetwin.report.headline.Change("p99", 11.8, 49.5, "ms", false).words());
        assertEquals("OOM kills 0 vs 1", new io.edgetwin.report.headline.Change("OOM kills", 0, 1, "", true).words());
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
        assertTrue(line("| requests unsent (harness offline)").matches(".*\\|\\s+0 \\|\\s+0 \\|.*"), line("| requests unsent"));
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
    void everySeriesThatCouldNotBeSampledIsNamedWithWhy() {
        VariantResult limited = SampleReports.limited().withMissingSeries(List.of(
                new MissingSeries("t-1", "device", null, 12_000, null, "cgroup v2 of container 4f9c not found at /x"),
                new MissingSeries("t-1", "com.edgetwin.Inference", null, 3_000, 9_500L, "no status from the twin's core")));

        String rendered = ReportMarkdown.render(SampleReports.of("cut", Map.of("limited", limited)));

        assertTrue(rendered.contains("## Series not sampled\n\n"
                + "- ⚠️ limited (cut off): twin t-1, device: missing from 12.0 s to the end: cgroup v2 of container 4f9c not found at /x\n"
                + "- ⚠️ limited: twin t-1, com.edgetwin.Inference: missing from 3.0 s to 9.5 s: no status from the twin's core\n"),
                rendered);
        assertFalse(ReportMarkdown.render(SampleReports.quickstart()).contains("Series not sampled"));
    }

    @Test
    void invalidRunIsTitledInvalidAndSaysWhy() {
        VariantResult limited = SampleReports.limited();
        VariantResult invalid = new VariantResult(limited.device(), limited.requested(), 1,
                Validity.invalid("500 answers; p99 needs at least 662"), limited.requests(), limited.latencyMs(),
                limited.latencyHistogram(), 1, 1, limited.oomKills(), limited.components(), List.of(), List.of(),
                List.of(), List.of(), List.of(), true, List.of(), null, List.of());

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
