package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.html.ReportHtml;
import io.edgetwin.report.junit.JUnitXml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several models at once: each workload's own figures in report.md, report.html and junit.xml. */
class WorkloadRenderingTest {

    private static final String TOO_FEW = "400 answers are too few to report p99 at 99% confidence; need 662";

    @Test
    void markdownHasARowPerWorkloadAndVariant() {
        String markdown = ReportMarkdown.render(report());

        assertTrue(markdown.contains("\n## Workloads\n"), markdown);
        assertTrue(markdown.lines().anyMatch(line -> line.matches("\\| defect\\s+\\| unlimited \\| com.edgetwin.DefectInspection \\|"
                + "\\s+500 / 500 / 0 / 0 \\|.*\\|\\s+90 \\|.*\\| 490 \\(98 %\\) \\|\\s+– / – \\| INVALID: " + TOO_FEW + "\\s+\\|")),
                markdown);
        assertTrue(markdown.lines().anyMatch(line -> line.matches("\\| anomaly\\s+\\| limited .*\\|\\s+300 / 5 % \\| valid\\s+\\|")), markdown);
    }

    @Test
    void theHeadlineStatesEachModelsEffectAfterTheVariants() {
        List<String> sentences = io.edgetwin.report.headline.Headline.sentences(report());

        assertTrue(sentences.get(0).startsWith("unlimited vs limited: p99"), sentences.toString());
        assertTrue(sentences.contains("anomaly: unlimited vs limited: p99 5× higher (8 → 40 ms), p50 5× higher (2 → 10 ms),"
                + " errors 0 vs 0, correct 98 % vs 98 %"), sentences.toString());
        assertTrue(sentences.get(2).startsWith("defect: unlimited vs limited: p99 1.5× higher (60 → 90 ms)"),
                sentences.toString());
    }

    @Test
    void pageHasAWorkloadsSectionWithALatencyChartPerWorkloadAndVariant() {
        String html = ReportHtml.render(report());

        assertTrue(html.contains("<section id=\"workloads\">"));
        assertTrue(html.contains("anomaly — limited: latency per window"));
        assertTrue(html.contains("defect — unlimited: latency per window"));
        assertFalse(ReportHtml.render(SampleReports.quickstart()).contains("<section id=\"workloads\">"));
    }

    @Test
    void junitHasAValidityCasePerWorkloadAndItsFiguresAsProperties() {
        String xml = JUnitXml.render(report());

        assertTrue(xml.contains("name=\"validity: defect\""), xml);
        assertTrue(xml.contains("workload defect invalid: " + TOO_FEW), xml);
        assertTrue(xml.contains("<property name=\"workload.anomaly.latency.p99.ms\" value=\"8.000\"/>"), xml);
    }

    private static Report report() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited().withWorkloads(workloads(8, 60, Validity.ok())));
        variants.put("unlimited", SampleReports.unlimited().withWorkloads(workloads(40, 90, Validity.invalid(TOO_FEW))));
        return SampleReports.of("two-models", variants);
    }

    private static Map<String, WorkloadResult> workloads(double anomalyP99, double defectP99, Validity defect) {
        Map<String, WorkloadResult> workloads = new LinkedHashMap<>();
        workloads.put("anomaly", workload("ml.Inference", anomalyP99, Validity.ok()));
        workloads.put("defect", workload("com.edgetwin.DefectInspection", defectP99, defect));
        return workloads;
    }

    private static WorkloadResult workload(String target, double p99, Validity validity) {
        return new WorkloadResult(target, validity, new RequestCounts(500, 500, 0, 0),
                new LatencySummary(p99 / 4, p99 / 2, p99, p99 * 1.2, p99 / 3), SampleReports.histogram(p99 / 4, p99), 50,
                490, List.of(new Window(0, 500, 0, p99 / 4, p99, SampleReports.histogram(p99 / 4, p99))));
    }
}
