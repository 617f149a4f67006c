package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.Execution;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.OomKills;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.RunSetup;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartialReportTest {

    private static final RunSetup SETUP = new RunSetup("quickstart", 42, Execution.SEQUENTIAL, "name: quickstart\n", null);
    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final Map<String, List<Threshold>> THRESHOLDS = Map.of(
            "limited", Threshold.parseAll(List.of("errors.rate < 1%", "latency.p99 < 0.5 * unlimited.latency.p99")),
            "unlimited", Threshold.parseAll(List.of("errors.rate < 1%")));

    @Test
    void finishedVariantsAreReportedAbortedWithWhatTheUnfinishedOneHadMeasured() {
        Optional<Report> partial = PartialReport.of(SETUP, START, START.plusSeconds(50), Map.of("limited", variant()),
                THRESHOLDS, "interrupted (Ctrl-C); last measured: [unlimited]  16/30 s  sent 801  ok 800  failed 0  p99 64.0 ms");

        Report report = partial.orElseThrow();
        assertEquals(Outcome.ABORTED, report.verdict());
        assertThat(report.aborted()).contains("[unlimited]  16/30 s  sent 801");
        assertThat(report.variants().get("limited").thresholds()).extracting(ThresholdResult::expr)
                .as("a comparison with the variant that never finished is left out").containsExactly("errors.rate < 1%");
    }

    @Test
    void theVariantBeingMeasuredIsReportedPartialAndInvalidSoNoGatePassesOnIt() {
        Map<String, VariantResult> measured = new java.util.LinkedHashMap<>();
        measured.put("limited", variant());
        measured.put("unlimited", variant().withCorrect(90).withPartial("interrupted (Ctrl-C) after 16.0 of 30 s of its measured load"));

        Report report = PartialReport.of(SETUP, START, START.plusSeconds(50), measured, THRESHOLDS, "interrupted (Ctrl-C)")
                .orElseThrow();

        VariantResult unlimited = report.variants().get("unlimited");
        assertEquals(Outcome.ABORTED, report.verdict());
        assertThat(unlimited.partial()).contains("after 16.0 of 30 s");
        assertThat(unlimited.validity().valid()).isFalse();
        assertEquals(90L, unlimited.correct());
        assertThat(report.variants().get("limited").thresholds()).extracting(ThresholdResult::expr)
                .containsExactly("errors.rate < 1%", "latency.p99 < 0.5 * unlimited.latency.p99");
        assertEquals(Outcome.INVALID, Report.of(SETUP, START, START, report.variants()).verdict(),
                "without the ABORTED mark the partial variant still makes the run INVALID, never PASS");
    }

    @Test
    void nothingIsReportedWhenNoVariantFinished() {
        assertThat(PartialReport.of(SETUP, START, START.plusSeconds(20), Map.of(), THRESHOLDS, "interrupted")).isEmpty();
    }

    private static VariantResult variant() {
        return VariantResult.measured(DeviceCaps.of(768L << 20, 1.0), DeviceCaps.of(768L << 20, 1.0), 1900, Validity.ok(),
                new RequestCounts(100, 100, 0, 0), new LatencySummary(2, 4, 8.6, 9, 3), EncodedHistogram.empty(60_000_000_000L),
                50, 300L << 20, OomKills.none(), Map.of());
    }
}
