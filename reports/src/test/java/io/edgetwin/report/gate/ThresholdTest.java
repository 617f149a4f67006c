package io.edgetwin.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.BaseUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            latency.p50 < 20ms           | LATENCY_P50      | LESS             | 20
            latency.p90 <= 0.5s          | LATENCY_P90      | LESS_OR_EQUAL    | 500
            latency.p99 < 50             | LATENCY_P99      | LESS             | 50
            latency.max < 1500us         | LATENCY_MAX      | LESS             | 1.5
            latency.mean > 1ms           | LATENCY_MEAN     | GREATER          | 1
            errors.rate < 1%             | ERRORS_RATE      | LESS             | 0.01
            errors.rate <= 0.05          | ERRORS_RATE      | LESS_OR_EQUAL    | 0.05
            requests.sent >= 600         | REQUESTS_SENT    | GREATER_OR_EQUAL | 600
            requests.ok > 590            | REQUESTS_OK      | GREATER          | 590
            requests.failed == 0         | REQUESTS_FAILED  | EQUAL            | 0
            requests.late != 1           | REQUESTS_LATE    | NOT_EQUAL        | 1
            throughput >= 20/s           | THROUGHPUT       | GREATER_OR_EQUAL | 20
            throughput >= 19.5           | THROUGHPUT       | GREATER_OR_EQUAL | 19.5
            oomKills.device == 0         | OOM_KILLS_DEVICE | EQUAL            | 0
            memory.peak < 900            | MEMORY_PEAK      | LESS             | 900
            memory.peak < 2k             | MEMORY_PEAK      | LESS             | 2048
            memory.peak < 2KiB           | MEMORY_PEAK      | LESS             | 2048
            memory.peak < 512MiB         | MEMORY_PEAK      | LESS             | 536870912
            memory.peak < 512mb          | MEMORY_PEAK      | LESS             | 536870912
            memory.peak < 1.5g           | MEMORY_PEAK      | LESS             | 1610612736
            memory.peak <= 1GB           | MEMORY_PEAK      | LESS_OR_EQUAL    | 1073741824
            twin.start < 30s             | TWIN_START       | LESS             | 30000
            twinStartMs < 9000           | TWIN_START       | LESS             | 9000
            throttle.ratio < 0.2         | THROTTLE_RATIO   | LESS             | 0.2
            throttle.ratio < 20%         | THROTTLE_RATIO   | LESS             | 0.2
            thrash.majorFaultsPerSec < 50 | MAJOR_FAULTS    | LESS             | 50
            latency.p99<50ms             | LATENCY_P99      | LESS             | 50
            '  latency.p99   <   50 ms  ' | LATENCY_P99     | LESS             | 50
            """)
    void parsesEveryMetricWithItsUnitsIntoTheBaseUnit(String expr, VariantMetric metric, Operator comparison,
                                                      double limit) {
        Threshold threshold = Threshold.parse(expr);

        assertEquals(new Threshold(expr, metric, comparison, limit), threshold);
    }

    @Test
    void componentOomKillsNamesTheComponentInBrackets() {
        Threshold threshold = Threshold.parse("oomKills.component[ml.Inference] == 0");

        assertEquals(new ComponentMetric(ComponentMetric.Kind.OOM_KILLS, "ml.Inference"), threshold.metric());
        assertEquals("oomKills.component[ml.Inference]", threshold.metric().key());
        assertEquals(BaseUnit.COUNT, threshold.metric().unit());
    }

    @Test
    void componentNameMayContainOperatorCharacters() {
        Threshold threshold = Threshold.parse("oomKills.component[a<b=c] < 2");

        assertEquals(new ComponentMetric(ComponentMetric.Kind.OOM_KILLS, "a<b=c"), threshold.metric());
        assertEquals(2, threshold.limit());
    }

    @Test
    void oneSecondIsAThousandMilliseconds() {
        assertEquals(Threshold.parse("latency.p99 < 1000ms").limit(), Threshold.parse("latency.p99 < 1s").limit());
    }

    @Test
    void pointOnePercentIsExactlyOneThousandth() {
        assertEquals(0.001, Threshold.parse("errors.rate < 0.1%").limit());
        assertEquals(Threshold.parse("errors.rate < 0.001").limit(), Threshold.parse("errors.rate < 0.1%").limit());
    }

    @Test
    void memoryUnitsAreBinary() {
        assertEquals(1024.0 * 1024, Threshold.parse("memory.peak < 1m").limit());
        assertEquals(Threshold.parse("memory.peak < 1024KiB").limit(), Threshold.parse("memory.peak < 1MiB").limit());
    }

    @Test
    void unknownMetricIsRefusedListingTheKnownOnes() {
        String message = refusal("latency.p98 < 50ms");

        assertTrue(message.startsWith("threshold 'latency.p98 < 50ms': unknown metric 'latency.p98'; expected one of "
                + "latency.p50, latency.p90, latency.p99, latency.max, latency.mean, errors.rate,"), message);
        assertTrue(message.contains("oomKills.component[NAME]"), message);
        assertTrue(message.contains("twin.start (or twinStartMs)"), message);
    }

    @Test
    void unknownOperatorIsRefusedListingTheKnownOnes() {
        assertEquals("threshold 'latency.p99 =< 50ms': unknown operator '=<'; expected one of <, <=, >, >=, ==, !=",
                refusal("latency.p99 =< 50ms"));
    }

    @Test
    void missingOperatorIsRefused() {
        assertTrue(refusal("latency.p99 50ms").startsWith("threshold 'latency.p99 50ms': missing operator; expected "
                + "<metric> <op> <number>[unit]"), refusal("latency.p99 50ms"));
    }

    @Test
    void missingOrMalformedNumberIsRefusedSayingWhatWasFound() {
        assertEquals("threshold 'latency.p99 < fast': expected a number or [<variant>.]<metric> after the operator, found 'fast'",
                refusal("latency.p99 < fast"));
        assertEquals("threshold 'latency.p99 <': expected a number after '<', found nothing", refusal("latency.p99 <"));
        assertEquals("threshold 'latency.p99 < -5ms': expected a number after '<', found '-5ms'",
                refusal("latency.p99 < -5ms"));
    }

    @Test
    void unitThatDoesNotFitTheMetricIsRefusedListingTheUnitsThatDo() {
        assertEquals("threshold 'latency.p99 < 50MB': unit 'MB' does not apply to latency.p99; expected ms (the default), s, us",
                refusal("latency.p99 < 50MB"));
        assertEquals("threshold 'requests.failed < 1%': unit '%' does not apply to requests.failed; expected none (a count)",
                refusal("requests.failed < 1%"));
        assertTrue(refusal("memory.peak < 1TB").contains("expected b (the default), k, kb, KiB, m, mb, MiB, g, gb, GiB (all base 1024)"));
    }

    @Test
    void errorRateAboveOneIsRefusedSuggestingAPercentage() {
        assertEquals("threshold 'errors.rate < 5': errors.rate limit 5 is above 1 (100%); expected a fraction from 0 to 1"
                + " or a percentage with '%', e.g. 'errors.rate < 1%'", refusal("errors.rate < 5"));
    }

    @Test
    void emptyExpressionAndEmptyComponentNameAreRefused() {
        assertTrue(refusal("  ").startsWith("threshold '  ': empty; expected <metric> <op> <number>[unit]"));
        assertEquals("threshold 'oomKills.component[] == 0': metric 'oomKills.component[]' has no component name;"
                + " expected oomKills.component[NAME]", refusal("oomKills.component[] == 0"));
        assertTrue(refusal("< 5").startsWith("threshold '< 5': missing metric before the operator; expected one of"));
    }

    @Test
    void componentFormWorksForEveryComponentMetric() {
        assertEquals(new ComponentMetric(ComponentMetric.Kind.MEMORY_PEAK, "ml.Inference"),
                Threshold.parse("memory.peak.component[ml.Inference] < 400MiB").metric());
        assertEquals(new ComponentMetric(ComponentMetric.Kind.THROTTLE_RATIO, "ml.Inference"),
                Threshold.parse("throttle.ratio.component[ml.Inference] < 0.2").metric());
        assertEquals(new ComponentMetric(ComponentMetric.Kind.MAJOR_FAULTS, "ml.Inference"),
                Threshold.parse("thrash.majorFaultsPerSec.component[ml.Inference] < 50").metric());
    }

    @Test
    void ofLimitTurnsAMemoryPeakIntoAFractionOfItsCap() {
        Threshold threshold = Threshold.parse("memory.peak.component[ml.Inference] < 80% of limit");

        assertEquals(new OfLimit(new ComponentMetric(ComponentMetric.Kind.MEMORY_PEAK, "ml.Inference")), threshold.metric());
        assertEquals(0.8, threshold.limit());
        assertEquals(BaseUnit.FRACTION, threshold.metric().unit());
        assertEquals(new OfLimit(VariantMetric.MEMORY_PEAK), Threshold.parse("memory.peak < 0.8 of limit").metric());
    }

    @Test
    void ofLimitOnAMetricWithoutALimitIsRefused() {
        assertEquals("threshold 'latency.p99 < 80% of limit': 'of limit' applies to memory.peak and"
                + " memory.peak.component[NAME] only, not to latency.p99", refusal("latency.p99 < 80% of limit"));
    }

    @Test
    void unknownComponentMetricIsRefusedListingTheComponentForms() {
        String message = refusal("cpu.component[ml.Inference] < 1");

        assertTrue(message.startsWith("threshold 'cpu.component[ml.Inference] < 1': unknown metric"), message);
        assertTrue(message.contains("throttle.ratio.component[NAME], thrash.majorFaultsPerSec.component[NAME]"), message);
    }

    @Test
    void parseAllReportsEveryBadExpressionAtOnce() {
        ThresholdException refused = assertThrows(ThresholdException.class, () -> Threshold.parseAll(
                List.of("latency.p99 < 50ms", "latency.p98 < 50ms", "errors.rate < 5")));

        List<String> lines = refused.getMessage().lines().toList();
        assertEquals("2 bad thresholds:", lines.get(0));
        assertTrue(lines.get(1).startsWith("  threshold 'latency.p98 < 50ms': unknown metric"), lines.get(1));
        assertTrue(lines.get(2).startsWith("  threshold 'errors.rate < 5': errors.rate limit 5"), lines.get(2));
    }

    @Test
    void parseAllKeepsTheOrderOfGoodExpressions() {
        List<Threshold> parsed = Threshold.parseAll(List.of("latency.p99 < 50ms", "requests.failed == 0"));

        assertEquals(List.of(VariantMetric.LATENCY_P99, VariantMetric.REQUESTS_FAILED),
                parsed.stream().map(Threshold::metric).toList());
    }

    private static String refusal(String expr) {
        return assertThrows(ThresholdException.class, () -> Threshold.parse(expr)).getMessage();
    }
}
