package io.edgetwin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void verdictFailsWhenAnyVariantFailed() {
        Report report = SampleReports.quickstart();

        assertEquals(Outcome.FAIL, report.verdict());
        assertFalse(report.passed());
    }

    @Test
    void verdictPassesWhenEveryVariantPassed() {
        Report report = SampleReports.of("quickstart",
                Map.of("limited", SampleReports.limited(), "unlimited", SampleReports.unlimited()));

        assertEquals(Outcome.PASS, report.verdict());
    }

    @Test
    void verdictThatDisagreesWithTheVariantsIsRefused() {
        Map<String, VariantResult> variants = SampleReports.quickstart().variants();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Report(
                "quickstart", 2, SampleReports.STARTED, SampleReports.FINISHED, Outcome.PASS, 42,
                Execution.SEQUENTIAL, "", null, variants, null, null));

        assertEquals("verdict is PASS; expected FAIL (ABORTED when the run was aborted, else INVALID when some variant's run is"
                + " invalid, else FAIL when some variant did not pass)", refused.getMessage());
    }

    @Test
    void abortedReportKeepsWhatWasMeasuredAndProvenanceSurvivesJson() {
        Provenance provenance = new Provenance("0.1.0-SNAPSHOT", "abc123", "edgetwin-twin:1a2b", "AMD EPYC", 2,
                24L << 30, "6.1.0", "2", "systemd", "26.1.5", "Eclipse Adoptium 17.0.15");
        Report aborted = SampleReports.quickstart().withProvenance(provenance).abortedBecause("interrupted (Ctrl-C)");

        Report read = ReportJson.read(write(aborted));

        assertEquals(Outcome.ABORTED, read.verdict());
        assertEquals("interrupted (Ctrl-C)", read.aborted());
        assertEquals(provenance, read.provenance());
        assertEquals(SampleReports.quickstart().variants(), read.variants());
    }

    @Test
    void otherSchemaVersionIsRefusedNamingIt() {
        Map<String, VariantResult> variants = SampleReports.quickstart().variants();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Report(
                "quickstart", 3, SampleReports.STARTED, SampleReports.FINISHED, Outcome.FAIL, 42,
                Execution.SEQUENTIAL, "", null, variants, null, null));

        assertEquals("schemaVersion is 3; expected 2", refused.getMessage());
    }

    @Test
    void variantsKeepTheOrderTheyWereGivenIn() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("z-last-alphabetically", SampleReports.limited());
        variants.put("a-first-alphabetically", SampleReports.unlimited());

        Report report = SampleReports.of("order", variants);

        assertEquals(List.of("z-last-alphabetically", "a-first-alphabetically"), List.copyOf(report.variants().keySet()));
    }

    @Test
    void moreAnswersThanRequestsSentAreRefusedNamingTheCounts() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RequestCounts(10, 8, 3, 0));

        assertEquals("requests.ok 8 + requests.failed 3 is 11; expected <= requests.sent 10", refused.getMessage());
    }

    @Test
    void negativeCountIsRefusedNamingTheField() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RequestCounts(10, 8, 0, -1));

        assertEquals("requests.late is -1; expected >= 0", refused.getMessage());
    }

    @Test
    void latencyFromNanosIsInMillisecondsRoundedToThreeDecimals() {
        LatencySummary summary = LatencySummary.fromNanos(1_234_567, 9_999_499, 50_000_000, 123_456_789, 2_345_678.9);

        assertEquals(new LatencySummary(1.235, 9.999, 50.0, 123.457, 2.346), summary);
    }

    @Test
    void percentilesOutOfOrderAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LatencySummary(10, 5, 20, 30, 10));

        assertEquals("latencyMs.p50 is 10.0; expected <= latencyMs.p90 5.0", refused.getMessage());
    }

    @Test
    void variantPassesExactlyWhenAllItsThresholdsPassed() {
        VariantResult measured = SampleReports.limited();
        ThresholdResult held = new ThresholdResult("latency.p99 < 50ms", 38.5, BaseUnit.MILLISECONDS, true);
        ThresholdResult broken = new ThresholdResult("requests.late == 0", 3.0, BaseUnit.COUNT, false);

        assertTrue(measured.withThresholds(List.of(held)).passed());
        assertFalse(measured.withThresholds(List.of(held, broken)).passed());
    }

    @Test
    void oomKillsOfAComponentTheVariantDoesNotHaveAreRefused() {
        VariantResult limited = SampleReports.limited();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> VariantResult.measured(
                limited.device(), limited.requested(), 1, Validity.ok(), limited.requests(), limited.latencyMs(),
                limited.latencyHistogram(), 1, 1,
                new OomKills(0, Map.of("ghost", 1L)), limited.components()));

        assertEquals("oomKills.components names 'ghost'; expected one of the components [ml.Inference, log.Shipper]",
                refused.getMessage());
    }

    @Test
    void swapCapBelowTheMemoryCapIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DeviceCaps(1024, 512L, 1.0, null));

        assertEquals("memorySwapBytes is 512; expected null (unlimited) or >= memoryBytes 1024", refused.getMessage());
    }

    private static java.nio.file.Path write(Report report) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".json");
            ReportJson.write(report, file);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
