package io.edgetwin.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.SampleReports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineTest {

    /** unlimited p99 61.25 ms, limited p99 38.5 ms. */
    private final Report current = SampleReports.quickstart();

    @Test
    void toleranceParsesSignAmountAndUnit() {
        assertEquals(new Tolerance("latency.p99 +10%", VariantMetric.LATENCY_P99, true, 0.1, true),
                Tolerance.parse("latency.p99 +10%"));
        assertEquals(new Tolerance("throughput -5%", VariantMetric.THROUGHPUT, false, 0.05, true),
                Tolerance.parse("throughput -5%"));
        assertEquals(new Tolerance("latency.p99 +5ms", VariantMetric.LATENCY_P99, true, 5, false),
                Tolerance.parse("latency.p99 +5ms"));
        assertEquals(new Tolerance("latency.p99 + 0.5s", VariantMetric.LATENCY_P99, true, 500, false),
                Tolerance.parse("latency.p99 + 0.5s"));
    }

    @Test
    void badToleranceIsRefusedSayingWhatIsExpected() {
        assertEquals("tolerance 'latency.p99 10%': expected <metric> +<number>% or <metric> -<number>%,"
                + " e.g. 'latency.p99 +10%'", assertThrows(ThresholdException.class,
                () -> Tolerance.parse("latency.p99 10%")).getMessage());
        assertTrue(assertThrows(ThresholdException.class, () -> Tolerance.parse("latency.p98 +10%")).getMessage()
                .startsWith("tolerance 'latency.p98 +10%': unknown metric 'latency.p98'; expected one of latency.p50"));
        assertEquals("tolerance 'latency.p99 +5MB': unit 'MB' does not apply to latency.p99; expected % or ms (the"
                + " default), s, us", assertThrows(ThresholdException.class,
                () -> Tolerance.parse("latency.p99 +5MB")).getMessage());
    }

    @Test
    void regressionBeyondTheToleranceFailsNamingBaselineActualAndAllowed() {
        Report baseline = SampleReports.of("quickstart", Map.of(
                "unlimited", SampleReports.limited(), "limited", SampleReports.limited()));

        List<BaselineResult> results = Baseline.compare(current, baseline, List.of(Tolerance.parse("latency.p99 +10%")));

        assertEquals(2, results.size());
        BaselineResult unlimited = results.get(0);
        assertEquals(new BaselineResult("unlimited", "latency.p99 +10%", 38.5, 61.25, 38.5 * 1.1, BaseUnit.MILLISECONDS,
                false), unlimited);
        assertEquals("'latency.p99 +10%': was 61.25 ms against a baseline of 38.5 ms; expected at most 42.35 ms",
                unlimited.describe());
        assertTrue(results.get(1).passed(), "limited did not move");
    }

    @Test
    void changeWithinTheToleranceHoldsAndLowerIsWorseForAMinusTolerance() {
        List<BaselineResult> results = Baseline.compare(current, current,
                List.of(Tolerance.parse("latency.p99 +0%"), Tolerance.parse("throughput -5%")));

        assertTrue(results.stream().allMatch(BaselineResult::passed), results.toString());
        assertFalse(Tolerance.parse("throughput -5%").holds(15.0, 16.5));
        assertTrue(Tolerance.parse("throughput -5%").holds(15.9, 16.5));
    }

    @Test
    void baselineOfAnotherScenarioIsRefused() {
        Report other = SampleReports.of("noisy-neighbor", current.variants());

        ReportException refused = assertThrows(ReportException.class,
                () -> Baseline.compare(current, other, List.of(Tolerance.parse("latency.p99 +10%"))));

        assertEquals("the baseline is a run of scenario 'noisy-neighbor'; expected a run of 'quickstart' like the"
                + " report it is compared with", refused.getMessage());
    }

    @Test
    void baselineWithoutOneOfTheVariantsIsRefused() {
        Report partial = SampleReports.of("quickstart", Map.of("limited", SampleReports.limited()));

        ReportException refused = assertThrows(ReportException.class,
                () -> Baseline.compare(current, partial, List.of(Tolerance.parse("latency.p99 +10%"))));

        assertEquals("the baseline has no variant 'unlimited'; it has [limited]", refused.getMessage());
    }

    @Test
    void baselineWhoseVariantWasStoppedEarlyIsRefusedForTolerancesAndComparisons() {
        Map<String, io.edgetwin.report.VariantResult> stopped = new java.util.LinkedHashMap<>(current.variants());
        stopped.put("limited", SampleReports.limited().withPartial("interrupted (Ctrl-C) after 3 of 30 s"));
        Report baseline = SampleReports.of("quickstart", stopped).abortedBecause("interrupted (Ctrl-C)");

        ReportException refused = assertThrows(ReportException.class,
                () -> Baseline.compare(current, baseline, List.of(Tolerance.parse("latency.p99 +10%"))));
        ThresholdException comparison = assertThrows(ThresholdException.class, () -> Gate.evaluate(
                List.of(Threshold.parse("latency.p99 <= baseline.latency.p99")),
                new Scope("limited", current.variants(), baseline)));

        assertEquals("the baseline's variant 'limited' was measured only in part (interrupted (Ctrl-C) after 3 of 30 s);"
                + " expected a baseline run that finished", refused.getMessage());
        assertTrue(comparison.getMessage().contains("was measured only in part"), comparison.getMessage());
    }
}
