package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.headline.Headline;
import io.edgetwin.report.html.ReportHtml;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Correct answers in the headline and the tables; a variant stopped by an interrupt marked as partial. */
class AccuracyAndPartialRenderingTest {

    private static final String STOPPED = "interrupted (Ctrl-C) after 16 of 30 s of its load";

    @Test
    void headlineStatesBothVariantsShareOfCorrectAnswers() {
        String sentence = Headline.sentences(counted()).get(0);

        assertTrue(sentence.contains("errors 2 vs 10, correct 99.8 % vs 98 %, OOM kills"), sentence);
    }

    @Test
    void tablesShowCorrectAnswersWithTheirShareAndThePairsDifferenceInPoints() {
        String markdown = ReportMarkdown.render(counted());
        String html = ReportHtml.render(counted());

        String row = markdown.lines().filter(line -> line.startsWith("| correct answers")).findFirst().orElseThrow();
        assertTrue(row.matches("\\| correct answers \\(accuracy\\)\\s+\\|\\s+970 \\(98 %\\) \\|\\s+996 \\(99.8 %\\) \\|\\s+\\+1.8 \\|"),
                row);
        assertTrue(html.contains("<th>correct answers (accuracy)</th><td class=\"num\">970 (98 %)</td>"), html);
    }

    @Test
    void reportsWithoutCorrectAnswersCountedShowNoSuchRowNorHeadlineFigure() {
        assertFalse(ReportMarkdown.render(SampleReports.quickstart()).contains("correct answers"));
        assertFalse(Headline.sentences(SampleReports.quickstart()).get(0).contains("correct"));
    }

    @Test
    void aPartialVariantIsInvalidForItsReasonAndMarkedPartialInTheTables() {
        VariantResult partial = SampleReports.unlimited().withPartial(STOPPED);
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited());
        variants.put("unlimited", partial);
        Report report = SampleReports.of("quickstart", variants).abortedBecause("interrupted (Ctrl-C)");

        assertFalse(partial.validity().valid());
        assertTrue(partial.validity().reasons().contains(STOPPED));
        assertEquals(Outcome.INVALID, SampleReports.of("quickstart", variants).verdict(), "never PASS, even if not aborted");
        assertTrue(ReportMarkdown.render(report).lines().anyMatch(line -> line.startsWith("| run") && line.contains("PARTIAL")));
        assertTrue(ReportHtml.render(report).contains("<span class=\"bad\">PARTIAL</span>"));
    }

    @Test
    void aValidVariantCannotClaimToBePartial() {
        VariantResult whole = SampleReports.limited();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new VariantResult(
                whole.device(), whole.requested(), whole.twinStartMs(), whole.validity(), whole.requests(), whole.latencyMs(),
                whole.latencyHistogram(), whole.throughputPerSec(), whole.devicePeakMemoryBytes(), whole.oomKills(),
                whole.components(), whole.windows(), whole.twins(), whole.series(), whole.events(), whole.thresholds(),
                whole.passed(), whole.missingSeries(), whole.interference(), whole.recovery(), null, STOPPED, Map.of(), null));

        assertTrue(refused.getMessage().contains("a variant stopped early is never valid"), refused.getMessage());
    }

    /** limited 970 of 990 correct, unlimited 996 of 998; without comparisons the headline reads unlimited vs limited. */
    private static Report counted() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited().withCorrect(970));
        variants.put("unlimited", SampleReports.unlimited().withCorrect(996));
        return SampleReports.of("quickstart", variants);
    }
}
