package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.gate.Threshold;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SloLossTest {

    private static final long MS = 1_000_000;
    private static final List<Threshold> SLOS = Threshold.parseAll(List.of("latency.p99 < 50ms", "errors.rate < 1%"));

    private static Histogram answers(long fast, long slow, long slowNanos) {
        Histogram h = new Histogram(600_000 * MS, 3);
        h.recordValueWithCount(5 * MS, Math.max(1, fast));
        if (slow > 0) {
            h.recordValueWithCount(slowNanos, slow);
        }
        return h;
    }

    @Test
    void p99OverTwentyFourHundredPlannedRequestsAllowsTwentyFourSlowAnswersAndTheTwentyFifthDecides() {
        SloLoss loss = SloLoss.of(SLOS, 2400);

        assertThat(loss.lost(answers(500, 24, 80 * MS), 0)).isEmpty();
        assertThat(loss.lost(answers(500, 25, 80 * MS), 0)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("latency.p99 < 50ms lost: 25 answers over 50 ms, more than the 24 that 2400 planned requests allow"));
    }

    @Test
    void failedRequestsShrinkWhatThePercentileCanStillAllow() {
        SloLoss loss = SloLoss.of(SLOS, 2400);
        // 2,390 answers at most: p99 is the 2,367th, so 23 may be over.
        assertThat(loss.lost(answers(500, 23, 80 * MS), 10)).isEmpty();
        assertThat(loss.lost(answers(500, 24, 80 * MS), 10)).isPresent();
    }

    @Test
    void errorsRateIsLostOnceTheFailuresSoFarFailItOverEveryPlannedRequest() {
        SloLoss loss = SloLoss.of(SLOS, 2400);
        assertThat(loss.lost(answers(500, 0, 0), 23)).isEmpty();
        assertThat(loss.lost(answers(500, 0, 0), 24)).hasValue("errors.rate < 1% lost: 24 of 2400 planned requests failed already");
    }

    @Test
    void answersJustAtTheBoundDoNotCountAsOver() {
        SloLoss loss = SloLoss.of(SLOS, 2400);
        assertThat(loss.lost(answers(500, 100, 50 * MS), 0)).isEmpty();
    }

    @Test
    void onlyNumericUpperBoundsOnLatencyPercentilesAndErrorsAreDecidedEarly() {
        List<Threshold> undecidable = Threshold.parseAll(List.of("throughput >= 45/s", "latency.mean < 10ms",
                "latency.p99 > 1ms", "latency.p99 < 0.5 * unlimited.latency.p99"));
        assertThat(SloLoss.of(undecidable, 2400).decides()).isFalse();
        assertThat(SloLoss.of(SLOS, 0).decides()).as("planned requests not known").isFalse();
        assertThat(SloLoss.of(SLOS, 2400).decides()).isTrue();
    }

    /**
     * Runs of 2,400 requests with every mix of slow answers and failures around what the SLOs allow, asked after
     * every second (50 requests) as a trial is: whenever the rule decides, the report of the whole load misses an
     * SLO, and so does the report of the load stopped at that second; a run whose whole report passes is never
     * decided.
     */
    @Test
    void aDecisionIsAlwaysAMissOfTheWholeLoadAndOfTheLoadStoppedThereSoItNeverTurnsAPassIntoAMiss() {
        SplittableRandom random = new SplittableRandom(42);
        SloLoss loss = SloLoss.of(SLOS, 2400);
        int decided = 0;
        int passed = 0;
        for (int run = 0; run < 400; run++) {
            double slowShare = random.nextDouble(0.02);
            double failShare = random.nextDouble(0.015);
            long[] latency = new long[2400];
            for (int i = 0; i < latency.length; i++) {
                double draw = random.nextDouble();
                latency[i] = draw < failShare ? -1 : draw < failShare + slowShare ? random.nextLong(49 * MS, 120 * MS)
                        : random.nextLong(2 * MS, 50 * MS);
            }
            boolean wholePasses = passes(latency, latency.length);
            passed += wholePasses ? 1 : 0;
            for (int sent = 50; sent <= latency.length; sent += 50) {
                Optional<String> lost = lost(loss, latency, sent);
                if (lost.isPresent()) {
                    decided++;
                    assertThat(wholePasses).as("run %d decided after %d requests: %s", run, sent, lost.get()).isFalse();
                    assertThat(passes(latency, sent)).as("run %d stopped after %d requests", run, sent).isFalse();
                    break;
                }
            }
        }
        assertThat(decided).as("runs decided early").isGreaterThan(50);
        assertThat(passed).as("runs that pass").isGreaterThan(50);
    }

    private static Optional<String> lost(SloLoss loss, long[] latency, int sent) {
        Histogram h = new Histogram(600_000 * MS, 3);
        long failed = 0;
        for (int i = 0; i < sent; i++) {
            if (latency[i] < 0) {
                failed++;
            } else {
                h.recordValue(latency[i]);
            }
        }
        return loss.lost(h, failed);
    }

    /** The SLOs as the report judges the first {@code sent} requests: p99 of the answers in ms, failed / sent. */
    private static boolean passes(long[] latency, int sent) {
        Histogram h = new Histogram(600_000 * MS, 3);
        long failed = 0;
        for (int i = 0; i < sent; i++) {
            if (latency[i] < 0) {
                failed++;
            } else {
                h.recordValue(latency[i]);
            }
        }
        double p99 = LatencySummary.fromNanos(h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getMaxValue(), h.getMean()).p99();
        return p99 < 50 && (double) failed / sent < 0.01;
    }
}
