package io.edgetwin.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.Comparison;
import io.edgetwin.report.Report;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Thresholds whose bound is another variant's, the baseline run's or the variant's own other metric. */
class ComparisonThresholdTest {

    /** limited p99 38.5 ms, p50 12.5; unlimited p99 61.25 ms; OOM kills: limited 0, unlimited 1 on the device. */
    private final Map<String, VariantResult> run = run();

    @Test
    void factorTimesAnotherVariantsMetricIsTheBound() {
        Threshold threshold = Threshold.parse("latency.p99 < 0.5 * unlimited.latency.p99");

        Operand.Reference reference = threshold.reference().orElseThrow();
        assertEquals(new Source.OtherVariant("unlimited"), reference.source());
        assertEquals(VariantMetric.LATENCY_P99, reference.metric());
        assertEquals(0.5, reference.factor());
        assertEquals(0, reference.offset());
        assertTrue(threshold.readsOtherRuns());
    }

    @Test
    void comparisonResultCarriesBothSidesAndTheBound() {
        ThresholdResult held = check("limited", "latency.p99 < 0.7 * unlimited.latency.p99");
        ThresholdResult failed = check("limited", "latency.p99 < 0.5 * unlimited.latency.p99");

        assertEquals(new ThresholdResult("latency.p99 < 0.7 * unlimited.latency.p99", 38.5, BaseUnit.MILLISECONDS, true,
                new Comparison("unlimited", "latency.p99", 61.25, 0.7 * 61.25)), held);
        assertFalse(failed.passed());
        assertEquals(61.25 * 0.5, failed.comparison().limit());
        assertEquals(38.5 / 61.25, failed.comparison().ratio(failed.actual()), 1e-12);
    }

    @Test
    void countsCompareWithoutAFactor() {
        assertTrue(check("limited", "oomKills.device < unlimited.oomKills.device").passed());
        assertFalse(check("unlimited", "oomKills.device <= limited.oomKills.device").passed());
    }

    @Test
    void differenceIsInTheMetricsUnitsAndMayBeNegative() {
        Operand.Reference minus = Threshold.parse("errors.rate >= baseline.errors.rate - 0.5%").reference().orElseThrow();
        Operand.Reference plus = Threshold.parse("latency.p99 <= unlimited.latency.p99+1s").reference().orElseThrow();
        Operand.Reference both = Threshold.parse("memory.peak < unlimited.memory.peak * 2 - 64MiB").reference().orElseThrow();

        assertInstanceOf(Source.BaselineRun.class, minus.source());
        assertEquals(-0.005, minus.offset(), 1e-15);
        assertEquals(1000, plus.offset());
        assertEquals(2, both.factor());
        assertEquals(-64.0 * 1024 * 1024, both.offset());
    }

    @Test
    void anotherMetricOfTheSameVariantNeedsNoPrefix() {
        ThresholdResult result = check("limited", "latency.p99 < 4 * latency.p50");

        assertEquals(new Comparison("limited", "latency.p50", 12.5, 50.0), result.comparison());
        assertTrue(result.passed());
    }

    @Test
    void componentMetricsCompareAcrossVariants() {
        Operand.Reference reference = Threshold.parse(
                "memory.peak.component[ml.Inference] <= unlimited.memory.peak.component[ml.Inference]").reference().orElseThrow();

        assertEquals(new ComponentMetric(ComponentMetric.Kind.MEMORY_PEAK, "ml.Inference"), reference.metric());
        ThresholdResult result = check("limited",
                "memory.peak.component[ml.Inference] <= unlimited.memory.peak.component[ml.Inference]");
        assertFalse(result.passed(), "unlimited has no cgroup for it: no value to compare with");
        assertNull(result.comparison().value());
    }

    @Test
    void variantNamesMayHoldDashes() {
        assertEquals(new Source.OtherVariant("no-limits"),
                Threshold.parse("latency.p99 < 0.5 * no-limits.latency.p99").reference().orElseThrow().source());
    }

    @Test
    void unitMismatchIsRefusedNamingBothUnits() {
        assertEquals("threshold 'latency.p99 < unlimited.memory.peak': latency.p99 is in ms but unlimited.memory.peak"
                + " is in bytes; expected a metric of the same unit on both sides",
                refusal("latency.p99 < unlimited.memory.peak"));
    }

    @Test
    void metricComparedWithItselfIsRefused() {
        assertTrue(refusal("latency.p99 < 2 * latency.p99").contains("compares latency.p99 with itself"));
    }

    @Test
    void badFactorsAndTailsAreRefused() {
        assertTrue(refusal("latency.p99 < 0 * unlimited.latency.p99").contains("factor 0"));
        assertTrue(refusal("latency.p99 < 0.5 * unlimited.latency.p99 * 2").contains("two factors"));
        assertTrue(refusal("latency.p99 < unlimited.latency.p99 + 5MiB").contains("unit 'MiB' does not apply to latency.p99"));
        assertTrue(refusal("latency.p99 < unlimited.latency.p98").contains("unknown metric 'latency.p98'"));
        assertTrue(refusal("latency.p99 < unlimited.latency.p99 or so").contains("cannot read 'or so'"));
    }

    @Test
    void unknownVariantsSelfReferencesCirclesAndBaselineWithoutARunAreProblems() {
        Map<String, List<Threshold>> byVariant = new LinkedHashMap<>();
        byVariant.put("limited", Threshold.parseAll(List.of("errors.rate < 1%", "latency.p99 < 0.5 * unlimted.latency.p99",
                "latency.p99 < limited.latency.p90", "errors.rate <= baseline.errors.rate")));
        byVariant.put("a", Threshold.parseAll(List.of("latency.p99 < b.latency.p99")));
        byVariant.put("b", Threshold.parseAll(List.of("throughput > a.throughput")));

        List<References.Problem> problems = References.problems(byVariant, Set.of("limited", "a", "b"), false);

        assertEquals(List.of(1, 2, 3, 0, 0), problems.stream().map(References.Problem::index).toList());
        assertTrue(problems.get(0).message().contains("unknown variant 'unlimted'; expected one of"));
        assertTrue(problems.get(1).message().contains("compares variant 'limited' with itself"));
        assertTrue(problems.get(2).message().contains("only edgetwin gate --baseline"));
        assertTrue(problems.get(3).message().contains("circular: 'a' compares with 'b', which compares back with 'a'"));
        assertTrue(References.problems(byVariant, Set.of("limited", "a", "b"), true).stream()
                .noneMatch(problem -> problem.message().contains("baseline")));
    }

    @Test
    void judgingARunComparesAVariantWithOneThatRanAfterIt() {
        Map<String, VariantResult> judged = Gate.judge(run, Map.of("limited",
                Threshold.parseAll(List.of("latency.p99 < 0.5 * unlimited.latency.p99"))));

        assertFalse(judged.get("limited").passed());
        assertTrue(judged.get("unlimited").thresholds().isEmpty());
    }

    @Test
    void gateThresholdNamingAVariantIsCheckedOnEveryOtherVariantAndBaselineReadsTheSameVariant() {
        Report report = SampleReports.of("quickstart", run);
        Report gated = Gate.withThresholds(report, Threshold.parseAll(List.of(
                "latency.p99 <= 2 * unlimited.latency.p99", "latency.p99 <= baseline.latency.p99")), report);

        assertEquals(2, gated.variants().get("limited").thresholds().size());
        assertEquals(List.of("latency.p99 <= baseline.latency.p99"),
                gated.variants().get("unlimited").thresholds().stream().map(ThresholdResult::expr).toList());
        assertEquals(new Comparison("baseline", "latency.p99", 61.25, 61.25),
                gated.variants().get("unlimited").thresholds().get(0).comparison());
    }

    @Test
    void comparisonOutsideARunIsAnErrorNotAFailure() {
        ThresholdException refused = assertThrows(ThresholdException.class, () ->
                Gate.evaluate(Threshold.parseAll(List.of("latency.p99 < unlimited.latency.p99")), run.get("limited")));

        assertTrue(refused.getMessage().startsWith("threshold 'latency.p99 < unlimited.latency.p99': no variant 'unlimited'"),
                refused.getMessage());
    }

    private ThresholdResult check(String variant, String expr) {
        return Gate.evaluate(List.of(Threshold.parse(expr)), new Scope(variant, run, null)).results().get(0);
    }

    private static String refusal(String expr) {
        return assertThrows(ThresholdException.class, () -> Threshold.parse(expr)).getMessage();
    }

    private static Map<String, VariantResult> run() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited());
        variants.put("unlimited", SampleReports.unlimited());
        return variants;
    }
}
