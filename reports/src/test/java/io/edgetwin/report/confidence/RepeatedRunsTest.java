package io.edgetwin.report.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Interference;
import io.edgetwin.report.InterferenceSample;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.Report;
import io.edgetwin.report.SyntheticRun;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {

    private static final WindowBootstrap BOOTSTRAP = new WindowBootstrap(500, 7);

    @Test
    void combinedReportCarriesEachMetricsMedianAndRange() {
        Report combined = RepeatedRuns.combine(List.of(withLimitedP99(10), withLimitedP99(30), withLimitedP99(20)), BOOTSTRAP);

        assertEquals(3, combined.repeats().count());
        assertEquals(20, combined.repeats().variants().get("limited").p99Ms().median(), 1e-9);
        assertEquals(10, combined.repeats().variants().get("limited").p99Ms().min(), 1e-9);
        assertEquals(30, combined.repeats().variants().get("limited").p99Ms().max(), 1e-9);
        assertEquals(20, combined.variants().get("limited").latencyMs().p99(), 1e-9, "the variant shows the median");
    }

    @Test
    void oneInvalidRepeatMakesTheCombinedRunInvalidNamingTheRepeat() {
        Report invalid = withLimitedP99(30);
        Map<String, VariantResult> variants = new LinkedHashMap<>(invalid.variants());
        variants.put("limited", variants.get("limited").withValidity(Validity.invalid("host interference: others used 60 %")));

        Report combined = RepeatedRuns.combine(List.of(withLimitedP99(10), invalid.withVariants(variants)), BOOTSTRAP);

        assertEquals(Outcome.INVALID, combined.verdict());
        assertEquals(List.of("repeat 2 of 2: host interference: others used 60 %"),
                combined.variants().get("limited").validity().reasons());
        assertFalse(combined.repeats().variants().get("limited").runs().get(1).valid());
    }

    @Test
    void thresholdsAreCheckedAgainstTheMedians() {
        Report combined = RepeatedRuns.combine(List.of(withLimitedP99(10), withLimitedP99(90), withLimitedP99(40)), BOOTSTRAP);

        ThresholdResult p99 = combined.variants().get("limited").thresholds().get(0);
        assertEquals(40, p99.actual(), 1e-9);
        assertTrue(p99.passed(), "the median 40 ms is under 50 ms although one repeat was at 90 ms");
    }

    @Test
    void comparisonOfAClearlyFasterVariantExcludesOne() {
        Report run = new SyntheticRun(1, 60, 3_000).report();

        List<RatioInterval> comparisons = RepeatedRuns.combine(List.of(run), BOOTSTRAP).repeats().comparisons();

        RatioInterval p99 = comparisons.stream().filter(c -> c.metric().equals("latency.p99")).findFirst().orElseThrow();
        assertEquals("limited", p99.variant());
        assertEquals("unlimited", p99.baseline());
        assertTrue(p99.high() < 1, "limited's p99 is far below unlimited's: " + p99);
        assertTrue(p99.low() <= p99.ratio() && p99.ratio() <= p99.high(), p99.toString());
        assertEquals(1.0, p99.probabilityBelow(), 1e-9);
        assertTrue(p99.upper().get("95") <= p99.upper().get("99"), p99.toString());
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        Report run = new SyntheticRun(1, 30, 1_500).report();

        RatioInterval first = RepeatedRuns.combine(List.of(run), BOOTSTRAP).repeats().comparisons().get(1);
        RatioInterval second = RepeatedRuns.combine(List.of(run), new WindowBootstrap(500, 7)).repeats().comparisons().get(1);
        RatioInterval otherSeed = RepeatedRuns.combine(List.of(run), new WindowBootstrap(500, 8)).repeats().comparisons().get(1);

        assertEquals(first, second);
        assertFalse(first.low() == otherSeed.low() && first.high() == otherSeed.high(), first + " vs " + otherSeed);
    }

    @Test
    void aVariantComparedWithItselfIsNotDeclaredDifferent() {
        Report run = new SyntheticRun(1, 40, 2_000).report();
        Map<String, VariantResult> twice = new LinkedHashMap<>();
        twice.put("a", run.variants().get("limited"));
        twice.put("b", run.variants().get("limited"));

        RatioInterval p99 = RepeatedRuns.combine(List.of(run.withVariants(twice)), BOOTSTRAP).repeats().comparisons().get(1);

        assertTrue(p99.low() < 1 && 1 < p99.high(), p99.toString());
    }

    @Test
    void outsideCpuOfEveryRepeatIsKept() {
        Report quiet = withInterference(withLimitedP99(10), 0.02);
        Report busy = withInterference(withLimitedP99(10), 0.40);

        Report combined = RepeatedRuns.combine(List.of(quiet, busy), BOOTSTRAP);

        assertEquals(0.40, combined.repeats().variants().get("limited").outsideShare().max(), 1e-9);
        assertEquals(0.02, combined.repeats().variants().get("limited").runs().get(0).outsideShare(), 1e-9);
    }

    static Report withInterference(Report report, double share) {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        report.variants().forEach((name, v) -> variants.put(name, v.withInterference(Interference.of(2,
                List.of(new InterferenceSample(1000, share, 0, 0.01, 0.05, 0.0, 0.01))))));
        return report.withVariants(variants);
    }

    private static Report withLimitedP99(double p99Ms) {
        Report run = new SyntheticRun(1, 30, 1_500).report();
        Map<String, VariantResult> variants = new LinkedHashMap<>(run.variants());
        VariantResult limited = variants.get("limited");
        LatencySummary l = limited.latencyMs();
        VariantResult changed = limited.withLatency(new LatencySummary(Math.min(l.p50(), p99Ms), Math.min(l.p90(), p99Ms), p99Ms,
                Math.max(l.max(), p99Ms), l.mean()), limited.throughputPerSec());
        variants.put("limited", changed.withThresholds(List.of(new ThresholdResult("latency.p99 < 50ms", p99Ms,
                BaseUnit.MILLISECONDS, p99Ms < 50))));
        return run.withVariants(variants);
    }
}
