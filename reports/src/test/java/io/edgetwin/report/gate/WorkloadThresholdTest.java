package io.edgetwin.report.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.WorkloadResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <workload>.<metric>}: a threshold on one workload of a scenario that runs several models at once. */
class WorkloadThresholdTest {

    /** limited: anomaly p99 8 ms, defect p99 60 ms; unlimited: anomaly p99 40 ms, defect p99 90 ms. */
    private final Map<String, VariantResult> run = run();

    @TempDir
    Path dir;

    @Test
    void aWorkloadsNameBeforeAMetricNamesThatWorkloadsFigure() {
        Threshold threshold = Threshold.parse("defect.latency.p99 < 80ms");

        assertEquals(new WorkloadMetric("defect", VariantMetric.LATENCY_P99), threshold.metric());
        assertEquals(BaseUnit.MILLISECONDS, threshold.metric().unit());
        assertEquals("anomaly.errors.rate", Threshold.parse("anomaly.errors.rate < 1%").metric().key());
    }

    @Test
    void eachWorkloadIsCheckedOnItsOwnFigures() {
        assertTrue(check("limited", "defect.latency.p99 < 80ms").passed());
        assertFalse(check("unlimited", "defect.latency.p99 < 80ms").passed());
        assertEquals(8.0, check("limited", "anomaly.latency.p99 < 10ms").actual());
        assertEquals(0.98, check("limited", "anomaly.accuracy >= 95%").actual(), 1e-12);
    }

    @Test
    void aComparisonWithAnotherVariantReadsTheSameWorkloadUnlessItNamesAnother() {
        Operand.Reference same = Threshold.parse("anomaly.latency.p99 < 0.5 * unlimited.latency.p99").reference().orElseThrow();
        Operand.Reference other = Threshold.parse("anomaly.latency.p99 < unlimited.defect.latency.p99").reference().orElseThrow();

        assertEquals(new WorkloadMetric("anomaly", VariantMetric.LATENCY_P99), same.metric());
        assertEquals(new Source.OtherVariant("unlimited"), same.source());
        assertEquals(new WorkloadMetric("defect", VariantMetric.LATENCY_P99), other.metric());
        ThresholdResult held = check("limited", "anomaly.latency.p99 < 0.5 * unlimited.latency.p99");
        assertTrue(held.passed());
        assertEquals(20.0, held.comparison().limit());
        assertFalse(check("limited", "defect.latency.p99 < 0.5 * unlimited.latency.p99").passed());
    }

    @Test
    void figuresAWorkloadDoesNotHaveOfItsOwnAreRefused() {
        assertTrue(refusal("defect.memory.peak < 100MiB").contains("unknown metric 'defect.memory.peak'"));
        assertTrue(refusal("defect.latency.p99 < 80MiB").contains("unit 'MiB' does not apply to defect.latency.p99"));
        assertTrue(refusal("defect.latency.p99 < 2 * latency.p99").contains("compares defect.latency.p99 with itself"));
    }

    @Test
    void aWorkloadTheVariantDoesNotHaveIsAnErrorNotAFailure() {
        ThresholdException refused = assertThrows(ThresholdException.class, () -> check("limited", "camera.latency.p99 < 80ms"));

        assertTrue(refused.getMessage().contains("workload 'camera' is not in this variant; expected one of [anomaly, defect]"),
                refused.getMessage());
    }

    @Test
    void aWorkloadMetricOnARunOfOneWorkloadSaysToUseTheVariantsMetric() {
        ThresholdException refused = assertThrows(ThresholdException.class, () -> Gate.evaluate(
                List.of(Threshold.parse("defect.latency.p99 < 80ms")), SampleReports.limited()));

        assertTrue(refused.getMessage().endsWith("workload 'defect': the run had one workload, whose figures are the"
                + " variant's; expected 'latency.p99'"), refused.getMessage());
    }

    @Test
    void workloadsAreWrittenAndReadBack() {
        Path file = dir.resolve("report.json");
        ReportJson.write(SampleReports.of("two-models", run), file);

        assertEquals(run.get("limited").workloads(), ReportJson.read(file).variants().get("limited").workloads());
    }

    private ThresholdResult check(String variant, String expr) {
        return Gate.evaluate(List.of(Threshold.parse(expr)), new Scope(variant, run, null)).results().get(0);
    }

    private static String refusal(String expr) {
        return assertThrows(ThresholdException.class, () -> Threshold.parse(expr)).getMessage();
    }

    private static Map<String, VariantResult> run() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", SampleReports.limited().withWorkloads(workloads(8, 60)));
        variants.put("unlimited", SampleReports.unlimited().withWorkloads(workloads(40, 90)));
        return variants;
    }

    static Map<String, WorkloadResult> workloads(double anomalyP99, double defectP99) {
        Map<String, WorkloadResult> workloads = new LinkedHashMap<>();
        workloads.put("anomaly", workload("com.edgetwin.Inference", anomalyP99));
        workloads.put("defect", workload("com.edgetwin.DefectInspection", defectP99));
        return workloads;
    }

    private static WorkloadResult workload(String target, double p99) {
        return new WorkloadResult(target, Validity.ok(), new RequestCounts(500, 500, 0, 0),
                new LatencySummary(p99 / 4, p99 / 2, p99, p99 * 1.2, p99 / 3), SampleReports.histogram(p99 / 4, p99), 50,
                490, List.of());
    }
}
