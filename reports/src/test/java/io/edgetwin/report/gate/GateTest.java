package io.edgetwin.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.SyntheticRun;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateTest {

    /** p99 38.5 ms, 1000 sent, 10 failed, 3 late, 16.5/s, peak 700 MiB, log.Shipper OOM-killed twice. */
    private final VariantResult limited = SampleReports.limited();

    @Test
    void thresholdsThatHoldGiveAPassingVerdictWithNoViolations() {
        Verdict verdict = Gate.evaluate(thresholds("latency.p99 < 50ms", "errors.rate <= 1%",
                "memory.peak < 1GiB", "oomKills.component[ml.Inference] == 0"), limited);

        assertTrue(verdict.passed());
        assertEquals(List.of(), verdict.violations());
        assertEquals(List.of(
                new ThresholdResult("latency.p99 < 50ms", 38.5, BaseUnit.MILLISECONDS, true),
                new ThresholdResult("errors.rate <= 1%", 0.01, BaseUnit.FRACTION, true),
                new ThresholdResult("memory.peak < 1GiB", 700.0 * 1024 * 1024, BaseUnit.BYTES, true),
                new ThresholdResult("oomKills.component[ml.Inference] == 0", 0.0, BaseUnit.COUNT, true)),
                verdict.results());
    }

    @Test
    void brokenThresholdIsAViolationWithMetricLimitAndActual() {
        Verdict verdict = Gate.evaluate(thresholds("latency.p99 < 50ms", "latency.p99 < 30ms", "throughput >= 20/s"),
                limited);

        assertFalse(verdict.passed());
        assertEquals(List.of(
                new Violation("latency.p99", Operator.LESS, 30.0, 38.5, BaseUnit.MILLISECONDS),
                new Violation("throughput", Operator.GREATER_OR_EQUAL, 20.0, 16.5, BaseUnit.PER_SECOND)),
                verdict.violations());
        assertEquals(List.of(true, false, false), verdict.results().stream().map(ThresholdResult::passed).toList());
    }

    @Test
    void componentOomKillsAreCountedPerComponent() {
        Verdict verdict = Gate.evaluate(thresholds("oomKills.component[log.Shipper] == 0"), limited);

        assertEquals(List.of(new Violation("oomKills.component[log.Shipper]", Operator.EQUAL, 0.0, 2.0, BaseUnit.COUNT)),
                verdict.violations());
    }

    @Test
    void errorRateOfARunThatSentNothingFailsWhateverTheOperator() {
        VariantResult idle = VariantResult.measured(limited.device(), limited.requested(), 100, limited.validity(),
                new RequestCounts(0, 0, 0, 40), LatencySummary.none(), limited.latencyHistogram(), 0, 1, limited.oomKills(), limited.components());

        Verdict verdict = Gate.evaluate(thresholds("errors.rate < 1%", "errors.rate == 0", "errors.rate != 0.5"), idle);

        assertEquals(3, verdict.violations().size());
        assertTrue(verdict.results().stream().allMatch(result -> result.actual() == null && !result.passed()));
        assertNull(verdict.violations().get(0).actual());
        assertEquals("errors.rate has no value for this run; expected < 0.01 fraction", verdict.violations().get(0).describe());
    }

    @Test
    void componentTheVariantDoesNotHaveIsAnErrorNamingItNotAFailedThreshold() {
        List<Threshold> ghost = thresholds("oomKills.component[ghost.Component] == 0");

        ThresholdException refused = assertThrows(ThresholdException.class, () -> Gate.evaluate(ghost, limited));

        assertEquals("threshold 'oomKills.component[ghost.Component] == 0': component 'ghost.Component' is not in"
                + " this variant; expected one of [ml.Inference, log.Shipper]", refused.getMessage());
    }

    @Test
    void verdictResultsMakeTheVariantPassOrFail() {
        Verdict failing = Gate.evaluate(thresholds("requests.late == 0"), limited);
        Verdict passing = Gate.evaluate(thresholds("requests.late <= 3", "twin.start < 5s"), limited);

        assertFalse(limited.withThresholds(failing.results()).passed());
        assertTrue(limited.withThresholds(passing.results()).passed());
    }

    @ParameterizedTest(name = "{0} holds: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            requests.late < 3  | false
            requests.late <= 3 | true
            requests.late > 3  | false
            requests.late >= 3 | true
            requests.late == 3 | true
            requests.late != 3 | false
            requests.late > 2  | true
            requests.late != 2 | true
            """)
    void operatorsCompareTheActualValueWithTheLimit(String expr, boolean holds) {
        Verdict verdict = Gate.evaluate(thresholds(expr), limited);

        assertEquals(holds, verdict.passed());
    }

    @Test
    void componentResourceMetricsReadTheComponentsOwnFigures() {
        Verdict verdict = Gate.evaluate(thresholds("memory.peak.component[ml.Inference] < 256MiB",
                "throttle.ratio.component[log.Shipper] < 0.2", "thrash.majorFaultsPerSec.component[log.Shipper] < 50",
                "throttle.ratio.component[ml.Inference] < 0.2"), limited);

        assertEquals(List.of(300.0 * 1024 * 1024, 0.4, 80.0, 0.05),
                verdict.results().stream().map(ThresholdResult::actual).toList());
        assertEquals(List.of(false, false, false, true), verdict.results().stream().map(ThresholdResult::passed).toList());
    }

    @Test
    void memoryPeakOfLimitComparesThePeakWithTheCapItRanUnder() {
        Verdict verdict = Gate.evaluate(thresholds("memory.peak.component[ml.Inference] < 80% of limit",
                "memory.peak.component[log.Shipper] < 80% of limit", "memory.peak < 80% of limit"), limited);

        assertEquals(List.of(300.0 / 512, 1.0, 700.0 / 1024), verdict.results().stream().map(ThresholdResult::actual).toList());
        assertEquals(List.of(true, false, true), verdict.results().stream().map(ThresholdResult::passed).toList());
    }

    @Test
    void componentWithoutACgroupHasNoResourceFiguresSoItsThresholdFails() {
        VariantResult unobserved = SampleReports.unlimited();

        Verdict verdict = Gate.evaluate(thresholds("throttle.ratio.component[ml.Inference] < 0.2",
                "memory.peak.component[log.Shipper] < 80% of limit"), unobserved);

        assertEquals(2, verdict.violations().size());
        assertTrue(verdict.results().stream().allMatch(result -> result.actual() == null));
    }

    @Test
    void deviceThrottleAndThrashComeFromTheWorstTwinsDeviceSeries() {
        VariantResult unlimited = new SyntheticRun(2, 100, 1_000).report().variants().get("unlimited");

        Verdict verdict = Gate.evaluate(thresholds("throttle.ratio < 0.2", "thrash.majorFaultsPerSec < 50"), unlimited);

        assertEquals(0.3, verdict.results().get(0).actual(), 0.02);
        assertTrue(verdict.results().get(1).actual() > 100, verdict.results().toString());
        assertFalse(verdict.passed());
    }

    @Test
    void deviceMetricsOfAVariantWithoutSeriesHaveNoValue() {
        Verdict verdict = Gate.evaluate(thresholds("throttle.ratio < 0.2", "thrash.majorFaultsPerSec < 50"), limited);

        assertTrue(verdict.results().stream().allMatch(result -> result.actual() == null && !result.passed()));
    }

    @Test
    void extraThresholdsAreAppendedToEveryVariantAndDecideTheVerdict() {
        Report report = SampleReports.of("steady", java.util.Map.of("limited", limited));

        Report gated = Gate.withThresholds(report, thresholds("requests.late == 0"));

        assertEquals(Outcome.PASS, report.verdict());
        assertEquals(Outcome.FAIL, gated.verdict());
        assertEquals("requests.late == 0", gated.variants().get("limited").thresholds().get(0).expr());
    }

    @Test
    void noThresholdsPass() {
        assertTrue(Gate.evaluate(List.of(), limited).passed());
    }

    private static List<Threshold> thresholds(String... exprs) {
        return Threshold.parseAll(List.of(exprs));
    }
}
