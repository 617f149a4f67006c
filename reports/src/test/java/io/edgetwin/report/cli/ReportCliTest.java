package io.edgetwin.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.SyntheticRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCliTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void reportRendersEveryFormatAgainFromReportJsonAlone() {
        Path run = written("run", SampleReports.quickstart());

        int exit = run("report", run.toString());

        assertEquals(ReportCli.FAILED, exit, err.toString());
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
        assertTrue(Files.isRegularFile(run.resolve("report.md")));
        assertTrue(Files.isRegularFile(run.resolve("junit.xml")));
    }

    @Test
    void reportAndGateEndWithOneLinePerComparisonStatingItsEffect() {
        Path run = written("run", SampleReports.quickstart());

        run("report", run.toString());
        run("gate", run.toString());

        long effects = err.toString().lines().filter(line -> line.startsWith("edgetwin: limited vs unlimited: p99 1.6× lower"
                + " (61.3 → 38.5 ms)")).count();
        assertEquals(2, effects, err.toString());
    }

    @Test
    void gateOfARunStoppedWhileAVariantWasMeasuredNeverPassesEvenWhenItsThresholdsHold() {
        Map<String, io.edgetwin.report.VariantResult> variants = new java.util.LinkedHashMap<>();
        variants.put("limited", SampleReports.limited().withPartial("interrupted (Ctrl-C) after 3.0 of 30 s of its measured load"));
        Path run = written("run", SampleReports.of("quickstart", variants).abortedBecause("interrupted (Ctrl-C)"));

        int exit = run("gate", run.toString(), "--threshold", "latency.p99 < 1s");

        assertEquals(ReportCli.ABORTED, exit, err.toString());
        assertTrue(err.toString().contains("limited: run invalid: interrupted (Ctrl-C) after 3.0 of 30 s"), err.toString());
        assertTrue(err.toString().contains("quickstart: ABORTED"), err.toString());
    }

    @Test
    void gateOfAPassingRunExitsZero() {
        Path run = written("run", SampleReports.of("quickstart", Map.of("limited", SampleReports.limited())));

        assertEquals(ReportCli.PASSED, run("gate", run.toString()), err.toString());
        assertTrue(err.toString().contains("quickstart: PASS"), err.toString());
    }

    @Test
    void extraThresholdThatFailsExitsOneAndIsNamed() throws IOException {
        Path run = written("run", SampleReports.of("quickstart", Map.of("limited", SampleReports.limited())));

        int exit = run("gate", run.toString(), "--threshold", "oomKills.component[log.Shipper] == 0");

        assertEquals(ReportCli.FAILED, exit);
        assertTrue(err.toString().contains("limited: threshold failed: oomKills.component[log.Shipper] == 0: it was 2"),
                err.toString());
        assertTrue(Files.readString(run.resolve("gate-junit.xml")).contains("name=\"threshold: oomKills.component[log.Shipper] == 0\""));
    }

    @Test
    void baselineWhoseP99IsBetterBeyondTheToleranceExitsOneAndJunitNamesTheRegression() throws IOException {
        Path run = written("run", SampleReports.of("quickstart", Map.of("limited", SampleReports.unlimited())));
        Path old = written("old", SampleReports.of("quickstart", Map.of("limited", SampleReports.limited())));

        int exit = run("gate", run.toString(), "--baseline", old.resolve("report.json").toString(),
                "--tolerance", "latency.p99 +10%");

        assertEquals(ReportCli.FAILED, exit, err.toString());
        String junit = Files.readString(run.resolve("gate-junit.xml"));
        assertTrue(junit.contains("<testcase classname=\"quickstart.limited\" name=\"baseline: latency.p99 +10%\" time=\"0.061250\">"), junit);
        assertTrue(junit.contains("was 61.25 ms against a baseline of 38.5 ms; expected at most 42.35 ms"), junit);
    }

    @Test
    void baselineWithinTheToleranceExitsZero() {
        Path run = written("run", SampleReports.of("quickstart", Map.of("limited", SampleReports.limited())));

        int exit = run("gate", run.toString(), "--baseline", run.resolve("report.json").toString());

        assertEquals(ReportCli.PASSED, exit, err.toString());
    }

    @Test
    void invalidRunExitsThree() {
        Path run = written("run", new SyntheticRun(1, 10, 100).report());

        assertEquals(ReportCli.RUN_INVALID, run("gate", run.toString()));
        assertTrue(err.toString().contains("limited: run invalid: 100 answers; p99 needs at least 662"), err.toString());
    }

    @Test
    void unknownMetricExitsTwoNamingIt() {
        Path run = written("run", SampleReports.quickstart());

        assertEquals(ReportCli.BAD_INPUT, run("gate", run.toString(), "--threshold", "latency.p98 < 5ms"));
        assertTrue(err.toString().contains("threshold 'latency.p98 < 5ms': unknown metric 'latency.p98'"), err.toString());
    }

    @Test
    void reportOfAnotherSchemaVersionExitsTwoNamingFileAndVersion() throws IOException {
        Path run = written("run", SampleReports.quickstart());
        Path json = run.resolve("report.json");
        Files.writeString(json, Files.readString(json).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"));

        assertEquals(ReportCli.BAD_INPUT, run("report", run.toString()));
        assertTrue(err.toString().contains("report '" + json + "': schemaVersion 1 is not supported; expected 2"),
                err.toString());
        assertFalse(Files.exists(run.resolve("report.html")));
    }

    @Test
    void truncatedReportExitsTwoSayingWhere() throws IOException {
        Path run = written("run", SampleReports.quickstart());
        Path json = run.resolve("report.json");
        String text = Files.readString(json);
        Files.writeString(json, text.substring(0, text.length() / 3));

        assertEquals(ReportCli.BAD_INPUT, run("gate", run.toString()));
        assertTrue(err.toString().contains("report '" + json + "' at line "), err.toString());
        assertTrue(err.toString().contains("is the file truncated?"), err.toString());
    }

    @Test
    void baselineOfAnotherScenarioExitsTwo() {
        Path run = written("run", SampleReports.quickstart());
        Path old = written("old", SampleReports.of("noisy-neighbor", SampleReports.quickstart().variants()));

        assertEquals(ReportCli.BAD_INPUT, run("gate", run.toString(), "--baseline", old.resolve("report.json").toString()));
        assertTrue(err.toString().contains("baseline '" + old.resolve("report.json")
                + "': the baseline is a run of scenario 'noisy-neighbor'; expected a run of 'quickstart'"), err.toString());
    }

    @Test
    void toleranceWithoutABaselineExitsTwo() {
        Path run = written("run", SampleReports.quickstart());

        assertEquals(ReportCli.BAD_INPUT, run("gate", run.toString(), "--tolerance", "latency.p99 +10%"));
        assertTrue(err.toString().contains("--tolerance needs --baseline"), err.toString());
    }

    @Test
    void missingDirectoryArgumentIsAUsageErrorExitingTwo() {
        assertEquals(ReportCli.BAD_INPUT, run("gate"));
        assertTrue(err.toString().contains("Missing required parameter: 'DIR'"), err.toString());
    }

    private int run(String... args) {
        return ReportCli.execute(new PrintWriter(err, true), args);
    }

    private Path written(String name, Report report) {
        Path run = dir.resolve(name);
        ReportJson.write(report, run.resolve("report.json"));
        return run;
    }
}
