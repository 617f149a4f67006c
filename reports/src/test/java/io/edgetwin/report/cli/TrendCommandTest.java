package io.edgetwin.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.Provenance;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgetwin trend} over three synthetic runs whose limited p99 drifts up and whose host changes once. */
class TrendCommandTest {

    private static final Provenance HOST = new Provenance("0.1.0-SNAPSHOT", "abc123", "edgetwin-twin:1a2b", "AMD EPYC 7B13",
            2, 24L << 30, "6.1.0", "2", "systemd", "26.1.5", "17.0.15");
    private static final Provenance BIGGER = new Provenance("0.1.0-SNAPSHOT", "def456", "edgetwin-twin:1a2b", "AMD EPYC 9654",
            8, 64L << 30, "6.1.0", "2", "systemd", "26.1.5", "17.0.15");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void trendOverThreeRunsWritesHtmlAndCsvWithEachThresholdPerRunInStartOrder() throws IOException {
        Path third = run("run-c", 2, 48.0, BIGGER);
        Path first = run("run-a", 0, 38.5, HOST);
        Path second = run("run-b", 1, 44.0, HOST);

        int exit = ReportCli.execute(new PrintWriter(err, true), "trend", third.toString(), first.resolve("report.json").toString(),
                second.toString(), "--out", dir.resolve("trend").toString());

        assertEquals(ReportCli.PASSED, exit, err.toString());
        List<String> csv = Files.readAllLines(dir.resolve("trend/trend.csv"));
        assertEquals("run,startedAt,scenario,verdict,variant,check,actual,unit,passed,provenanceChange", csv.get(0));
        List<String> gate = csv.stream().filter(line -> line.contains(",limited,latency.p99 < 45ms,")).toList();
        assertEquals(3, gate.size(), csv.toString());
        assertTrue(gate.get(0).startsWith(first.resolve("report.json") + ",2026-11-26T13:00:00Z,quickstart,PASS,limited,"
                + "latency.p99 < 45ms,38.5,ms,true,"), gate.get(0));
        assertTrue(gate.get(1).contains(",44,ms,true,"), gate.get(1));
        assertTrue(gate.get(2).contains(",FAIL,limited,latency.p99 < 45ms,48,ms,false,\"host class: AMD EPYC 7B13, 2 cores,"
                + " 24 GiB, cgroup v2 then, AMD EPYC 9654, 8 cores, 64 GiB, cgroup v2 now; commit: abc123 then, def456 now\""),
                gate.get(2));
        String html = Files.readString(dir.resolve("trend/trend.html"));
        assertTrue(html.contains("<h1>Trend over 3 runs</h1>"));
        assertTrue(html.contains("<b>limited: latency.p99 &lt; 45ms</b> (ms), last/first ×1.25"), html);
        assertTrue(html.contains("fill=\"#b03a2e\"><title>run 3: 48 (failed)</title>"), html);
        assertTrue(html.contains("stroke=\"#e67e22\" stroke-dasharray"), "the host change is marked on the charts");
        assertTrue(err.toString().contains("host class: AMD EPYC 7B13"), err.toString());
    }

    @Test
    void anUnreadableRunIsBadInputNamingIt() {
        int exit = ReportCli.execute(new PrintWriter(err, true), "trend", dir.resolve("nothing-here").toString());

        assertEquals(ReportCli.BAD_INPUT, exit);
        assertTrue(err.toString().contains("nothing-here"), err.toString());
    }

    private Path run(String name, int hoursLater, double p99, Provenance provenance) {
        VariantResult limited = SampleReports.limited();
        LatencySummary latency = limited.latencyMs();
        VariantResult measured = VariantResult.measured(limited.device(), limited.requested(), limited.twinStartMs(),
                limited.validity(), limited.requests(), new LatencySummary(latency.p50(), latency.p90(), p99, Math.max(p99,
                        latency.max()), latency.mean()), limited.latencyHistogram(), limited.throughputPerSec(),
                limited.devicePeakMemoryBytes(), limited.oomKills(), limited.components());
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", measured);
        Map<String, VariantResult> judged = Gate.judge(variants, Map.of("limited", Threshold.parseAll(List.of("latency.p99 < 45ms"))));
        Report report = Report.of(SampleReports.setup("quickstart"), SampleReports.STARTED.plus(Duration.ofHours(hoursLater)),
                SampleReports.FINISHED.plus(Duration.ofHours(hoursLater)), judged).withProvenance(provenance);
        Path run = dir.resolve(name);
        ReportJson.write(report, run.resolve("report.json"));
        return run;
    }
}
