package io.edgetwin.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.OomKills;
import io.edgetwin.report.Report;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.RunSetup;
import io.edgetwin.report.Execution;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioResultTest {

    private static final Path DIR = Path.of("/tmp/reports");

    @Test
    void aFailedThresholdFailsTheTestNamingTheVariantTheExpressionAndTheActualValue() {
        ScenarioResult result = new ScenarioResult(report(new ThresholdResult("latency.p99 < 50ms", 71.2, BaseUnit.MILLISECONDS, false)), DIR);

        assertThat(result.violations()).containsExactly("limited: latency.p99 < 50ms (actual 71.2 ms)");
        assertThatThrownBy(result::assertPassed)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("scenario 'quickstart' FAIL")
                .hasMessageContaining("limited: latency.p99 < 50ms (actual 71.2 ms)")
                .hasMessageContaining(DIR.toString());
    }

    @Test
    void aRunWhoseThresholdsHeldPassesWithNoViolations() {
        ScenarioResult result = new ScenarioResult(report(new ThresholdResult("latency.p99 < 50ms", 8.6, BaseUnit.MILLISECONDS, true)), DIR);

        assertThat(result.violations()).isEmpty();
        assertThatCode(result::assertPassed).doesNotThrowAnyException();
    }

    @Test
    void anInvalidRunFailsTheTestWithTheReasonItIsInvalid() {
        ScenarioResult result = new ScenarioResult(report(new ThresholdResult("latency.p99 < 50ms", 8.6, BaseUnit.MILLISECONDS, true),
                Validity.invalid("answered 30 requests; p99 needs at least 662")), DIR);

        assertThat(result.violations()).containsExactly("limited: INVALID: answered 30 requests; p99 needs at least 662");
        assertThatThrownBy(result::assertPassed).hasMessageContaining("scenario 'quickstart' INVALID");
    }

    private static Report report(ThresholdResult threshold) {
        return report(threshold, Validity.ok());
    }

    private static Report report(ThresholdResult threshold, Validity validity) {
        VariantResult limited = VariantResult.measured(DeviceCaps.of(768L << 20, 1.0), DeviceCaps.of(768L << 20, 1.0), 1900,
                validity, new RequestCounts(100, 100, 0, 0), new LatencySummary(2, 4, 8.6, 9, 3),
                EncodedHistogram.empty(60_000_000_000L), 50, 300L << 20,
                OomKills.none(), Map.of()).withThresholds(List.of(threshold));
        Instant start = Instant.parse("2026-11-26T12:00:00Z");
        return Report.of(new RunSetup("quickstart", 42, Execution.SEQUENTIAL, "name: quickstart\n", null), start, start.plusSeconds(60), Map.of("limited", limited));
    }
}
