package io.edgetwin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetwin.report.html.ReportHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placements side by side: written to report.json (and read back), report.md and report.html. */
class PlacementReportTest {

    private static final PlacementResult EDGE = new PlacementResult("edge", null,
            new PlacementResult.LatencySplit(0, 2.5, 0.4), 0, 0, 0, new PlacementResult.OutageAnswers(100, 100), 0.31, 300_000_000);
    private static final PlacementResult CLOUD = new PlacementResult("cloud", "lte-good",
            new PlacementResult.LatencySplit(41.2, 3.1, 0.2), 1_200_000, 1_024, 88_473_600,
            new PlacementResult.OutageAnswers(100, 3), 0.05, 120_000_000);

    private static Report withPlacements() {
        Report sample = SampleReports.quickstart();
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", sample.variants().get("limited").withPlacement(EDGE));
        variants.put("unlimited", sample.variants().get("unlimited").withPlacement(CLOUD));
        return sample.withVariants(variants);
    }

    @Test
    void placementsSurviveAJsonRoundTripAndValidateAgainstTheSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        ReportJson.write(withPlacements(), file);

        assertThat(ReportJson.read(file).variants().get("unlimited").placement()).isEqualTo(CLOUD);
        assertThat(ReportSchemaTest.errors(Files.readString(file))).isEmpty();
    }

    @Test
    void aReportWithoutPlacementsReadsWithNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, ReportJson.toJson(SampleReports.quickstart()).replace(",\"placement\":null", ""));

        assertThat(ReportJson.read(file).variants().get("limited").placement()).isNull();
    }

    @Test
    void markdownAndHtmlShowThePlacementsSideBySide() {
        Report report = withPlacements();

        assertThat(ReportMarkdown.render(report)).contains("## Edge or cloud")
                .contains("cloud over lte-good").containsPattern("answered during WAN outage +\\| +100 of 100 \\(100.0 %\\) \\| +3 of 100 \\(3.0 %\\) \\|")
                .contains("41.20 / 3.10 / 0.20");
        assertThat(ReportHtml.render(report)).contains("Edge or cloud").contains("84.4 MiB");
        assertThat(ReportMarkdown.render(SampleReports.quickstart())).doesNotContain("Edge or cloud");
    }

    @Test
    void anOutageCannotAnswerMoreThanWasDue() {
        assertThatThrownBy(() -> new PlacementResult.OutageAnswers(3, 4)).hasMessage("outage.answered is 4; expected 0 to 3");
        assertThatThrownBy(() -> new PlacementResult("fog", null, new PlacementResult.LatencySplit(0, 0, 0), 0, 0, 0, null, 0, 0))
                .hasMessage("placement.inference is 'fog'; expected edge or cloud");
    }
}
