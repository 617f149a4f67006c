package io.edgetwin.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Report;
import io.edgetwin.report.RunSetup;
import io.edgetwin.report.Execution;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.SyntheticRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    private static final String NOISY = ReportHtml.render(new SyntheticRun(3, 300, 30_000).report());

    @Test
    void verdictComesFirstWithTheFailingThresholdsInWords() {
        String html = ReportHtml.render(SampleReports.quickstart());

        int header = html.indexOf("<header class=\"verdict fail\"");
        assertTrue(header > 0 && header < html.indexOf("<section"), "verdict before every section");
        assertTrue(html.contains("<h1>quickstart: FAIL</h1>"), html);
        assertTrue(html.contains("<li>unlimited: latency.p99 &lt; 50ms failed: it was 61.25 ms</li>"), html);
    }

    @Test
    void headlineStatesEachComparisonsEffectAndTheTableHasItsRatioColumn() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited());
        variants.put("unlimited", SampleReports.unlimited());
        Report report = SampleReports.of("quickstart", Gate.judge(variants,
                Map.of("limited", Threshold.parseAll(List.of("latency.p99 < 0.5 * unlimited.latency.p99")))));

        String html = ReportHtml.render(report);

        String header = html.substring(0, html.indexOf("</header>"));
        assertTrue(header.contains("<ul class=\"effects\"><li>limited vs unlimited: p99 1.6× lower (61.3 → 38.5 ms)"), header);
        assertTrue(header.contains("limited: latency.p99 &lt; 0.5 * unlimited.latency.p99 failed: it was 38.5 ms; the bound"
                + " was 30.625 ms, from unlimited's latency.p99 of 61.25 ms"), header);
        assertTrue(html.contains("<th class=\"pair\">limited vs unlimited</th>"));
        assertTrue(html.contains("<td class=\"num pair\">×1.25 / ×0.83 / ×0.63 / ×0.49</td>"), html);
    }

    @Test
    void chartsStopWhereTheAnswerCountStopsSupportingThePercentile() {
        String small = ReportHtml.render(new SyntheticRun(1, 10, 100).report());
        String large = ReportHtml.render(new SyntheticRun(2, 60, 200_000).report());

        assertTrue(small.contains("answers support no higher percentile at 99 % confidence"), "distribution cut off");
        assertTrue(small.contains("too few for a p99 at 99 % confidence"), "per-window p99 marked");
        assertFalse(large.contains("answers support no higher percentile"), "200,000 answers support p99.99");
        assertEquals(2.3, LatencyCharts.supportedPosition(1500), 1e-9, "1500 answers: up to p99.5");
        assertEquals(2.0, LatencyCharts.supportedPosition(662), 1e-9, "662 answers: p99, the validity rule's number");
    }

    @Test
    void pageIsSelfContainedAndFetchesNothing() {
        assertFalse(NOISY.contains("<script"), "no script");
        assertFalse(NOISY.contains("<link"), "no stylesheet link");
        assertFalse(NOISY.contains("src="), "no image or frame source");
        assertEquals(NOISY.split("http", -1).length - 1, count(NOISY, "xmlns=\"http://www.w3.org/2000/svg\""),
                "the only URLs are SVG namespace names");
        assertTrue(NOISY.contains("<style>body {"), "inline stylesheet");
    }

    @Test
    void everyChartOfAFullRunIsDrawn() {
        // latency: 2 over time + 1 distribution; memory and CPU: 3 series kinds x 2 variants; throttle and thrash: 2 each
        assertEquals(19, count(NOISY, "<svg class=\"chart\""));
        assertTrue(count(NOISY, "<polyline") >= 19, "every chart has a line");
        assertTrue(NOISY.contains(">limited: latency per window</text>"));
        assertTrue(NOISY.contains(">Latency percentile distribution</text>"));
        assertTrue(NOISY.contains(">99.9%</text>"), "percentile axis is labelled");
    }

    @Test
    void limitsAreDrawnAsLabelledLinesWhereTheyApplied() {
        assertTrue(NOISY.contains(">limit 128 MiB</text>"), "leaker memory limit");
        assertTrue(NOISY.contains(">limit 0.5 cpus</text>"), "leaker cpu limit");
        assertTrue(NOISY.contains(">limit 768 MiB</text>"), "device memory cap");
        assertTrue(NOISY.contains(">thrashing at 50/s</text>"));
    }

    @Test
    void faultsAndOomKillsAreMarkedOnTheLatencyChart() {
        String limitedChart = NOISY.substring(NOISY.indexOf("aria-label=\"limited: latency per window\""));
        limitedChart = limitedChart.substring(0, limitedChart.indexOf("</svg>"));

        assertEquals(4, count(limitedChart, "class=\"marker\" x1") - 2, "4 OOM kills besides the fault start and end");
        assertTrue(limitedChart.contains(">OOM Leaker</text>"));
        assertTrue(limitedChart.contains(">fault</text>"));
    }

    @Test
    void recoveryTableShowsEachTwinsWayBackAndMarksOneThatDidNotAnswer() {
        String recovery = NOISY.substring(NOISY.indexOf("<section id=\"recovery\">"), NOISY.indexOf("<section id=\"fleet\">"));

        assertTrue(recovery.contains("<td>broker-outage</td>"), recovery);
        assertTrue(recovery.contains("<td class=\"num\">90 ms</td>"), "the harness's own reconnect, apart");
        assertTrue(recovery.contains("<span class=\"bad\">not within the run</span>"), recovery);
        assertTrue(NOISY.contains("<th>requests unsent (harness offline)</th>"), "unsent requests are counted apart");
    }

    @Test
    void thrashIndicatorNamesTheThrashingVariant() {
        String thrash = NOISY.substring(NOISY.indexOf("<section id=\"thrash\""), NOISY.indexOf("<section id=\"components\""));

        assertTrue(thrash.indexOf("no thrashing") < thrash.indexOf("THRASHING"), "limited calm, unlimited thrashing");
        assertEquals(1, count(thrash, ">THRASHING</span>"));
    }

    @Test
    void manyTwinsAreDrawnAsMaxAndMedianNotALineEach() {
        String html = ReportHtml.render(new SyntheticRun(32, 60, 6_000).report());

        assertTrue(html.contains(">max of 32 twins</text>"));
        assertTrue(html.contains(">median</text>"));
        assertFalse(html.contains(">noisy-neighbor-07</text>"), "no legend entry per twin");
        assertTrue(html.contains("<td>noisy-neighbor-32</td>"), "the fleet table still lists every twin");
        assertTrue(html.contains("<p>32 twins: 32 SUCCESSFUL</p>"), "and sums their deployment status up");
    }

    @Test
    void pageOfA32TwinFiveMinuteRunWithAMillionRequestsStaysUnderFiveMegabytes() {
        String html = ReportHtml.render(new SyntheticRun(32, 300, 1_000_000).report());

        assertTrue(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 5 * 1024 * 1024,
                "report.html is " + html.length() + " chars");
        assertEquals(19, count(html, "<svg class=\"chart\""));
    }

    @Test
    void invalidRunIsShownAsInvalidWithItsReasons() {
        String html = ReportHtml.render(new SyntheticRun(1, 10, 100).report());

        assertTrue(html.contains("<header class=\"verdict invalid\""));
        assertTrue(html.contains("limited: run invalid: 100 answers; p99 needs at least 662"), html);
        assertTrue(html.contains("<span class=\"badge bad\">INVALID</span>"));
    }

    @Test
    void scenarioTextIsShownEscaped() {
        Report report = Report.of(new RunSetup("x", 1, Execution.SEQUENTIAL, "name: <script>alert(1)</script>", null),
                SampleReports.STARTED, SampleReports.FINISHED, SampleReports.quickstart().variants());

        String html = ReportHtml.render(report);

        assertTrue(html.contains("<pre>name: &lt;script&gt;alert(1)&lt;/script&gt;</pre>"));
        assertFalse(html.contains("<script>"));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
