package io.edgetwin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a variant's resource figures came from: recorded per series, kept in report.json, rendered. */
class SeriesSourcesTest {

    @TempDir
    Path dir;

    @Test
    void eachSourceIsOneLineNamingItsSeriesAndHowManyTwins() {
        VariantResult variant = withSeries(List.of(
                series("t-1", "device", "host cgroup"), series("t-2", "device", "core status (memory only)"),
                series("t-1", "com.example.Inference", "core status"), series("t-2", "com.example.Inference", "core status")));

        assertThat(SeriesSources.lines(variant)).containsExactly("device of 1 twin(s): host cgroup",
                "device of 1 twin(s): core status (memory only)", "com.example.Inference of 2 twin(s): core status");
        assertThat(SeriesSources.markdown(Map.of("limited", variant))).contains("## Where the resource figures came from")
                .contains("- limited: device of 1 twin(s): host cgroup");
    }

    @Test
    void aSourceSurvivesReportJsonAndAnOlderReportWithoutOneStillReads() throws Exception {
        Report report = new SyntheticRun(1, 5, 100).report();
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        report.variants().forEach((name, v) -> variants.put(name, v.withTimeline(v.windows(), v.twins(),
                v.series().stream().map(s -> new ResourceSeries(s.twin(), s.component(), s.limits(), s.samples(), "core status"))
                        .toList(), v.events())));
        Path file = dir.resolve("report.json");
        ReportJson.write(withVariants(report, variants), file);

        assertThat(ReportJson.read(file).variants().values()).allSatisfy(v -> assertThat(v.series())
                .allSatisfy(s -> assertEquals("core status", s.source())));

        Files.writeString(file, Files.readString(file).replace("\"source\" : \"core status\",", "")
                .replace(",\n      \"source\" : \"core status\"", ""));
        assertThat(Files.readString(file)).doesNotContain("\"source\"");
        assertThat(ReportJson.read(file).variants().values()).allSatisfy(v -> assertThat(v.series())
                .allSatisfy(s -> assertNull(s.source())));
        assertThat(SeriesSources.markdown(ReportJson.read(file).variants())).isEmpty();
    }

    private static ResourceSeries series(String twin, String component, String source) {
        return new ResourceSeries(twin, component, SeriesLimits.unlimited(), ResourceSamples.of(List.of()), source);
    }

    private static VariantResult withSeries(List<ResourceSeries> series) {
        VariantResult base = new SyntheticRun(1, 5, 100).report().variants().values().iterator().next();
        return base.withTimeline(base.windows(), base.twins(), series, base.events());
    }

    private static Report withVariants(Report report, Map<String, VariantResult> variants) {
        return new Report(report.scenario(), report.schemaVersion(), report.startedAt(), report.finishedAt(), report.verdict(),
                report.seed(), report.execution(), report.scenarioText(), report.artifactBackend(), variants,
                report.provenance(), report.aborted(), report.repeats());
    }
}
