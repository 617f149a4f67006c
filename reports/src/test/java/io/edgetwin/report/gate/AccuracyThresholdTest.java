package io.edgetwin.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.Report;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code accuracy}: the share of successful answers that were correct, as a fixed bound and compared. */
class AccuracyThresholdTest {

    /** limited: 970 of 990 answers correct (0.9798); unlimited: 998 of 998. */
    private final Map<String, VariantResult> run = run();

    @Test
    void accuracyIsAFractionWrittenAsAPercentage() {
        Threshold threshold = Threshold.parse("accuracy >= 95%");

        assertEquals(VariantMetric.ACCURACY, threshold.metric());
        assertEquals(BaseUnit.FRACTION, threshold.metric().unit());
        assertEquals(0.95, threshold.limit(), 1e-15);
    }

    @Test
    void accuracyIsCorrectOverSuccessfulAnswers() {
        ThresholdResult held = check("limited", "accuracy >= 95%");
        ThresholdResult failed = check("limited", "accuracy >= 99%");

        assertEquals(970.0 / 990, held.actual(), 1e-12);
        assertTrue(held.passed());
        assertFalse(failed.passed());
    }

    @Test
    void accuracyComparesWithTheBaselineMinusAMargin() {
        Report current = SampleReports.of("quickstart", run);
        Map<String, VariantResult> before = new LinkedHashMap<>(run);
        before.put("limited", SampleReports.limited().withCorrect(974));
        Report baseline = SampleReports.of("quickstart", before);

        Threshold margin = Threshold.parse("accuracy >= baseline.accuracy - 0.5%");
        Threshold tight = Threshold.parse("accuracy >= baseline.accuracy - 0.1%");
        List<ThresholdResult> results = Gate.evaluate(List.of(margin, tight),
                new Scope("limited", run, baseline)).results();

        assertEquals(-0.005, margin.reference().orElseThrow().offset(), 1e-15);
        assertTrue(results.get(0).passed(), "974/990 - 0.5 % = 0.9788 allows 970/990 (0.9798)");
        assertFalse(results.get(1).passed(), "974/990 - 0.1 % = 0.9828 does not");
        assertEquals(974.0 / 990 - 0.001, results.get(1).comparison().limit(), 1e-12);
        assertTrue(current.variants().get("limited").accuracy() < 974.0 / 990);
    }

    @Test
    void accuracyComparesAcrossVariants() {
        assertFalse(check("limited", "accuracy >= unlimited.accuracy").passed());
        assertTrue(check("unlimited", "accuracy >= limited.accuracy").passed());
    }

    @Test
    void aVariantWithoutCorrectAnswersCountedHasNoAccuracyAndFails() {
        VariantResult uncounted = SampleReports.limited();

        ThresholdResult result = Gate.evaluate(List.of(Threshold.parse("accuracy >= 0%")), uncounted).results().get(0);

        assertNull(result.actual());
        assertFalse(result.passed());
    }

    @Test
    void accuracyWithATimeOrAnotherUnitIsRefused() {
        assertEquals("threshold 'accuracy < 10ms': unit 'ms' does not apply to accuracy; expected % or none for a"
                + " fraction (0.01 = 1%)", refusal("accuracy < 10ms"));
        assertTrue(refusal("accuracy > unlimited.latency.p99")
                .contains("accuracy is in fraction but unlimited.latency.p99 is in ms"));
        assertTrue(refusal("accuracy >= 95").contains("above 1 (100%)"));
    }

    @Test
    void correctAnswersBeyondTheSuccessfulOnesAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SampleReports.limited().withCorrect(991));

        assertEquals("correct is 991; expected 0 to requests.ok (990)", refused.getMessage());
    }

    private ThresholdResult check(String variant, String expr) {
        return Gate.evaluate(List.of(Threshold.parse(expr)), new Scope(variant, run, null)).results().get(0);
    }

    private static String refusal(String expr) {
        return assertThrows(ThresholdException.class, () -> Threshold.parse(expr)).getMessage();
    }

    private static Map<String, VariantResult> run() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited().withCorrect(970));
        variants.put("unlimited", SampleReports.unlimited().withCorrect(998));
        return variants;
    }
}
