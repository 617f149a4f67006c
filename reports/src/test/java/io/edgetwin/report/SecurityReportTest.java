package io.edgetwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.gate.VariantMetric;
import io.edgetwin.report.html.ReportHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a variant's attacks achieved: in report.json (and read back), report.md, report.html and thresholds. */
class SecurityReportTest {

    private static final SecurityResult MTLS = SecurityResult.of("mtls", List.of(
            new SecurityResult.Attack("rogue-subscribe", "ipc", "plant-1", "plant-2", 50, 50, 0, 0, "0 of 50 delivered"),
            new SecurityResult.Attack("cert-revoked", "tls", "plant-2", null, 1, 1, 0, 0, "could not connect again")));
    private static final SecurityResult NONE = SecurityResult.of("none", List.of(
            new SecurityResult.Attack("rogue-publish", "mqtt", "plant-1", null, 50, 0, 50, 0, "50 delivered")));

    private static Report withAttacks() {
        Report sample = SampleReports.quickstart();
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", sample.variants().get("limited").withSecurity(MTLS));
        variants.put("unlimited", sample.variants().get("unlimited").withSecurity(NONE));
        return sample.withVariants(variants);
    }

    @Test
    void attacksSurviveAJsonRoundTripAndValidateAgainstTheSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        ReportJson.write(withAttacks(), file);

        assertThat(ReportJson.read(file).variants().get("limited").security()).isEqualTo(MTLS);
        assertThat(ReportSchemaTest.errors(Files.readString(file))).isEmpty();
    }

    @Test
    void aReportWithoutAttacksReadsWithNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, ReportJson.toJson(SampleReports.quickstart()).replace(",\"security\":null", ""));

        assertThat(ReportJson.read(file).variants().get("limited").security()).isNull();
    }

    @Test
    void deliveriesAcrossThingsAreAThresholdMetricWithNoValueWithoutAttacks() {
        Report report = withAttacks();

        assertThat(VariantMetric.byKey("security.deliveries").orElseThrow().valueOf(report.variants().get("limited"))).isZero();
        assertThat(VariantMetric.byKey("security.deliveries").orElseThrow().valueOf(report.variants().get("unlimited")))
                .isEqualTo(50);
        assertThat(VariantMetric.byKey("security.admitted").orElseThrow().valueOf(report.variants().get("limited"))).isZero();
        assertThat(VariantMetric.byKey("security.deliveries").orElseThrow().valueOf(SampleReports.limited())).isNaN();
    }

    @Test
    void markdownAndHtmlListEveryAttackWithItsCounts() {
        Report report = withAttacks();

        assertThat(ReportMarkdown.render(report)).contains("## Attacks")
                .containsPattern("\\| limited +\\| mtls +\\| rogue-subscribe +\\| ipc from plant-2 +\\| plant-1 +\\| +50 \\| +50 \\| +0 \\| +0 \\|")
                .containsPattern("\\| unlimited +\\| none +\\| all +\\| +\\| +\\| +50 \\| +0 \\| +50 \\| +0 \\|");
        assertThat(ReportHtml.render(report)).contains("Attacks").contains("ipc from plant-2");
        assertThat(ReportMarkdown.render(SampleReports.quickstart())).doesNotContain("## Attacks");
    }
}
