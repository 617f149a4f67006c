package io.edgetwin.report.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Report;
import io.edgetwin.report.SyntheticRun;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.ThresholdException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synthetic run: limited's p99 is about a fifth of unlimited's, both well sampled over 60 windows. */
class ConfidenceGateTest {

    private static final WindowBootstrap BOOTSTRAP = new WindowBootstrap(500, 42);
    private final Report run = new SyntheticRun(1, 60, 3_000).report();

    @Test
    void aClearEffectHoldsWithConfidenceAndTheResultSaysHowSure() {
        ThresholdResult r = judged("limited", "latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence");

        assertTrue(r.passed(), r.outcome());
        assertNotNull(r.ratioCheck());
        assertTrue(r.ratioCheck().bound() < 0.5, r.outcome());
        assertTrue(r.outcome().contains("with 95 % confidence the ratio is at most"), r.outcome());
    }

    @Test
    void reportMarkdownSaysHowSureTheComparisonIs() {
        Map<String, List<Threshold>> thresholds = Map.of("limited",
                List.of(Threshold.parse("latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence")));
        Report report = RepeatedRuns.combine(List.of(run.withVariants(Gate.judge(run.variants(), thresholds))), BOOTSTRAP);

        assertTrue(io.edgetwin.report.ReportMarkdown.render(report).contains("with 95 % confidence the ratio is at most"));
    }

    @Test
    void aBoundTighterThanTheIntervalFailsAlthoughThePointEstimateMeetsIt() {
        RatioProbe probe = new RatioProbe();
        double ratio = probe.ratio();
        double factor = (ratio + probe.upper95()) / 2;

        ThresholdResult withConfidence = judged("limited", "latency.p99 < " + factor
                + " * unlimited.latency.p99 with 95% confidence");
        ThresholdResult withoutConfidence = judged("limited", "latency.p99 < " + factor + " * unlimited.latency.p99");

        assertTrue(withoutConfidence.passed(), "the point estimate " + ratio + " is under " + factor);
        assertFalse(withConfidence.passed(), withConfidence.outcome());
    }

    @Test
    void thePairComparedTheOtherWayIsReadInverted() {
        ThresholdResult r = judged("unlimited", "latency.p99 > 2 * limited.latency.p99 with 99% confidence");

        assertTrue(r.passed(), r.outcome());
        assertTrue(r.ratioCheck().bound() > 2 && !r.ratioCheck().upper(), r.outcome());
    }

    @Test
    void aConfidenceOnAnythingButALatencyRatioOfTwoVariantsIsRefused() {
        assertThrows(ThresholdException.class, () -> Threshold.parse("latency.p99 < 50ms with 95% confidence"));
        assertThrows(ThresholdException.class, () -> Threshold.parse(
                "errors.rate < 0.5 * unlimited.errors.rate with 95% confidence"));
        ThresholdException level = assertThrows(ThresholdException.class, () -> Threshold.parse(
                "latency.p99 < 0.5 * unlimited.latency.p99 with 97% confidence"));
        assertTrue(level.getMessage().contains("expected 90%, 95% or 99%"), level.getMessage());
    }

    private ThresholdResult judged(String variant, String expr) {
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        thresholds.put(variant, List.of(Threshold.parse(expr)));
        Map<String, VariantResult> variants = Gate.judge(run.variants(), thresholds);
        Report report = RepeatedRuns.combine(List.of(run.withVariants(variants)), BOOTSTRAP);
        return report.variants().get(variant).thresholds().get(0);
    }

    /** The interval the gate reads, to place a factor inside it. */
    private final class RatioProbe {
        private final io.edgetwin.report.RatioInterval p99 = RepeatedRuns.combine(List.of(run), BOOTSTRAP).repeats()
                .comparisons().stream().filter(c -> c.metric().equals("latency.p99")).findFirst().orElseThrow();

        double ratio() {
            return p99.ratio();
        }

        double upper95() {
            assertEquals("limited", p99.variant());
            return p99.upper().get("95");
        }
    }
}
