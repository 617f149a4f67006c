package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.report.Validity;
import io.edgetwin.simulator.scenario.ValidityRules;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ValidityCheckTest {

    private static final List<Threshold> P99 = List.of(Threshold.parse("latency.p99 < 50ms"));

    @Test
    void aThreeSecondRunAtTenPerSecondAskingForP99IsInvalidWithBothReasons() {
        Validity validity = ValidityCheck.of(load(30, Duration.ofSeconds(3), 0), ValidityRules.DEFAULT, P99);

        assertFalse(validity.valid());
        assertThat(validity.reasons()).anyMatch(r -> r.contains("3000 ms") && r.contains("minimum is 10000 ms"));
        assertThat(validity.reasons()).anyMatch(r -> r.contains("30 answers") && r.contains("p99") && r.contains("662"));
    }

    @Test
    void enoughAnswersForEveryPercentileInALongEnoughRunIsValid() {
        assertTrue(ValidityCheck.of(load(1500, Duration.ofSeconds(30), 0), ValidityRules.DEFAULT, P99).valid());
    }

    @Test
    void p90NeedsSixtyFourAnswers() {
        ValidityRules p90 = new ValidityRules(Duration.ZERO, 0.8, List.of(90.0));

        assertTrue(ValidityCheck.of(load(64, Duration.ofSeconds(30), 0), p90, List.of()).valid());
        assertFalse(ValidityCheck.of(load(63, Duration.ofSeconds(30), 0), p90, List.of()).valid());
    }

    @Test
    void aGeneratorAboveEightyPercentOfACoreMakesTheRunInvalid() {
        Validity validity = ValidityCheck.of(load(1500, Duration.ofSeconds(10), 8_500_000_000L), ValidityRules.DEFAULT, List.of());

        assertThat(validity.reasons()).singleElement().asString().contains("85% of a core");
    }

    @Test
    void spinWaitingForSendTimesDoesNotCountAsGeneratorLoad() {
        LoadResult spinning = new LoadResult(1500, 1500, 0, 1500, 0, 0, 0, 1500, answers(1500), new Histogram(3), List.of(),
                Duration.ofSeconds(10), 9_900_000_000L, 6_000_000_000L);

        assertTrue(ValidityCheck.of(spinning, ValidityRules.DEFAULT, List.of()).valid(), "39% busy, 60% spinning");
    }

    private static Histogram answers(int count) {
        Histogram latency = new Histogram(3);
        for (int i = 0; i < count; i++) {
            latency.recordValue(1_000_000);
        }
        return latency;
    }

    private static LoadResult load(int answers, Duration measured, long generatorCpuNanos) {
        Histogram latency = new Histogram(3);
        for (int i = 0; i < answers; i++) {
            latency.recordValue(1_000_000);
        }
        return new LoadResult(answers, answers, 0, answers, 0, 0, 0, answers, latency, new Histogram(3), List.of(), measured,
                generatorCpuNanos, 0);
    }
}
