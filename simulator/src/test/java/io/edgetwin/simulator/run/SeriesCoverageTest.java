package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.Execution;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.MissingSeries;
import io.edgetwin.report.OomKills;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.ReportMarkdown;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.RunSetup;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.html.ReportHtml;
import io.edgetwin.simulator.measure.FakeCgroupFs;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.TwinStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCoverageTest {

    private static final String INFERENCE = "com.edgetwin.Inference";
    private static final MissingSeries DEVICE_CUT_OFF = new MissingSeries("t-1", "device", null, 12_000, null,
            "cgroup v2 of container 4f9c2a7e1b3d not found at /sys/fs/cgroup/system.slice/docker-4f9c.scope");

    @TempDir
    Path dir;

    @Test
    void aThrottlingThresholdMakesARunWhoseDeviceSeriesWasCutOffInvalid() {
        Validity validity = check(List.of(DEVICE_CUT_OFF), "throttle.ratio < 0.2");

        assertFalse(validity.valid());
        assertThat(validity.reasons()).singleElement().asString().contains("'throttle.ratio < 0.2' needs a series",
                "twin t-1, device: missing from 12.0 s to the end: cgroup v2 of container 4f9c2a7e1b3d not found at");
    }

    @Test
    void aCutOffDeviceSeriesIsOnlyAWarningWhenNoThresholdReadsIt() {
        assertTrue(check(List.of(DEVICE_CUT_OFF), "latency.p99 < 50ms", "memory.peak < 700MiB", "oomKills.device == 0").valid());
    }

    @Test
    void everyComponentMetricNeedsThatComponentsSeries() {
        MissingSeries neverReported = new MissingSeries("t-1", INFERENCE, null, 0, null, "the twin's core never reported it");

        for (String threshold : List.of("oomKills.component[" + INFERENCE + "] == 0", "memory.peak.component[" + INFERENCE
                + "] < 80% of limit", "throttle.ratio.component[" + INFERENCE + "] < 5%")) {
            assertFalse(check(List.of(neverReported), threshold).valid(), threshold);
        }
        assertTrue(check(List.of(neverReported), "oomKills.component[com.edgetwin.CpuHog] == 0").valid());
    }

    @Test
    void aGapThatHealedAndAnEstimatedColumnAreWarningsOnly() {
        List<MissingSeries> warnings = List.of(new MissingSeries("t-1", "device", null, 12_000, 20_000L, "powered off"),
                new MissingSeries("t-1", "device", "memoryPeakBytes", 0, null, "memory.peak is absent"));

        assertTrue(check(warnings, "throttle.ratio < 0.2", "thrash.majorFaultsPerSec < 50").valid());
    }

    @Test
    void aReportFromARunWhoseSamplingWasCutOffNamesTheMissingSeries() throws IOException {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(FakeCgroupFs.Driver.V2_SYSTEMD);
        Observer observer = new Observer(Map.of("t-1", fs.hostCgroup()), Map.of(), Clock.systemUTC());
        observer.onStatus(status());
        observer.sample();
        deleteTree(fs.memoryDir(FakeCgroupFs.Driver.V2_SYSTEMD));
        observer.sample();

        List<MissingSeries> missing = SeriesCoverage.missing(observer, List.of("t-1"), List.of(INFERENCE, "com.edgetwin.CpuHog"));
        List<Threshold> thresholds = List.of(Threshold.parse("throttle.ratio < 0.5"));
        Report report = report(variant(SeriesCoverage.check(Validity.ok(), missing, thresholds)).withMissingSeries(missing));
        Path json = dir.resolve("report.json");
        ReportJson.write(report, json);
        Report read = ReportJson.read(json);

        assertEquals(Outcome.INVALID, read.verdict());
        List<MissingSeries> named = read.variants().get("limited").missingSeries();
        assertThat(named).extracting(MissingSeries::component).containsExactlyInAnyOrder("device", "com.edgetwin.CpuHog");
        assertThat(named).allMatch(MissingSeries::cutOff);
        String markdown = ReportMarkdown.render(read);
        assertThat(markdown).contains("## Series not sampled", "- ⚠️ limited (cut off): twin t-1, device: missing from",
                "not found at " + fs.memoryDir(FakeCgroupFs.Driver.V2_SYSTEMD),
                "twin t-1, com.edgetwin.CpuHog: missing from 0.0 s to the end: the twin's core never reported it");
        assertThat(ReportHtml.render(read)).contains("Series not sampled", "twin t-1, device: missing from");
    }

    private static Validity check(List<MissingSeries> missing, String... thresholds) {
        return SeriesCoverage.check(Validity.ok(), missing, Threshold.parseAll(List.of(thresholds)));
    }

    private static TwinStatus status() {
        return new TwinStatus("t-1", "RUNNING", 1000, null, new TwinStatus.Memory(1, 2), 0, null, Map.of(INFERENCE,
                new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, "", null,
                        new TwinStatus.Resources(1, 2, 3, 4, 5, 6, 7, 0))));
    }

    private static VariantResult variant(Validity validity) {
        return VariantResult.measured(DeviceCaps.of(536_870_912, 1), DeviceCaps.of(536_870_912, 1), 1000, validity,
                new RequestCounts(0, 0, 0, 0), LatencySummary.none(), EncodedHistogram.of(new Histogram(3)), 0, 0,
                OomKills.none(), Map.of());
    }

    private static Report report(VariantResult limited) {
        Instant start = Instant.parse("2026-12-06T03:00:00Z");
        return Report.of(new RunSetup("cut-off", 1, Execution.SEQUENTIAL, "name: cut-off\n", null), start,
                start.plusSeconds(60), Map.of("limited", limited));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
