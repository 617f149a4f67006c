package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.measure.TwinStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EarlyStopTest {

    private static final long MS = 1_000_000;
    private static final SloLoss P99_OVER_2400 = SloLoss.of(Threshold.parseAll(List.of("latency.p99 < 50ms", "errors.rate < 1%")), 2400);
    private static final TrialResult TOO_SHORT = new TrialResult(Outcome.INVALID,
            "the run is invalid: 600 answers are too few to report p99 at 99% confidence; need 662", 80.0, 0, 0, null);
    private static final TrialResult OOM = new TrialResult(Outcome.OOM, "ml.Inference OOM-killed 1 time(s) by its memory cap",
            null, 0, 0, null);

    private final ComponentWatch watch = new ComponentWatch("ml.Inference", System::nanoTime);

    private static Optional<LoadResult> measured(long seconds, long fast, long slow) {
        Histogram h = new Histogram(600_000 * MS, 3);
        h.recordValueWithCount(5 * MS, fast);
        if (slow > 0) {
            h.recordValueWithCount(80 * MS, slow);
        }
        long answered = fast + slow;
        return Optional.of(new LoadResult(answered, answered, 0, answered, 0, 0, 0, answered, h,
                new Histogram(600_000 * MS, 3), List.of(), Duration.ofSeconds(seconds), 0, 0));
    }

    @Test
    void aLostSloStopsTheLoadAndNamesTheSloAndWhenInTheTrialsDetail() {
        EarlyStop stop = new EarlyStop(watch, P99_OVER_2400, 48);
        assertThat(stop.stopsNow(Optional.empty())).as("during the warm-up").isFalse();
        assertThat(stop.stopsNow(measured(11, 526, 24))).isFalse();
        assertThat(stop.sloLost()).isNull();
        assertThat(stop.stopsNow(measured(12, 575, 25))).isTrue();

        assertThat(stop.sloLost()).isEqualTo("latency.p99 < 50ms lost: 25 answers over 50 ms, more than the 24 that 2400 "
                + "planned requests allow");
        TrialResult miss = new TrialResult(Outcome.SLO_MISS, stop.sloLost(), 80.0, 0, 0, null);
        assertThat(stop.judged(miss).detail()).isEqualTo(stop.sloLost()
                + "; the load stopped early after 12 of 48 s measured: the SLO was already lost");
    }

    @Test
    void anOomKillStopsTheLoadAndIsNamedInTheDetail() {
        EarlyStop stop = new EarlyStop(watch, SloLoss.of(List.of(), 0), 48);
        assertThat(stop.stopsNow(measured(5, 250, 0))).isFalse();
        TwinStatus.Resources killed = new TwinStatus.Resources(100L << 20, 100L << 20, 0, 0, 0, 0, 0, 1);
        watch.accept(new TwinStatus("t", "RUNNING", 0, null, null, 0, null, Map.of("ml.Inference",
                new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, null, null, killed))));
        assertThat(stop.stopsNow(measured(6, 300, 0))).isTrue();

        assertThat(stop.sloLost()).isNull();
        assertThat(stop.judged(OOM).detail()).endsWith("; " + EarlyStop.OOM_KILL);
    }

    @Test
    void aTrialWhoseLoadRanItsWholeScheduleIsJudgedAsClassified() {
        EarlyStop stop = new EarlyStop(watch, P99_OVER_2400, 48);
        assertThat(stop.stopsNow(measured(48, 2376, 24))).isFalse();
        assertThat(stop.judged(TOO_SHORT)).isEqualTo(TOO_SHORT);
    }

    @Test
    void trialsWhoseSloMissCountsForTheMemoryServeTheirWholeLoad() {
        assertThat(Phase.SEARCH.needsWholeLoad()).isTrue();
        assertThat(Phase.MEMORY.needsWholeLoad()).isTrue();
        assertThat(Phase.CPU.needsWholeLoad()).isFalse();
        assertThat(Phase.JOINT.needsWholeLoad()).isFalse();
        assertThat(Phase.CONFIRM.needsWholeLoad()).isFalse();
    }

    @Test
    void theSizingScenarioPlansFiftyRequestsASecondForItsMeasuredPart() {
        assertThat(TwinTrialRunner.plannedRequests(SizingRequestTest.scenario(50, Duration.ofSeconds(48)))).isEqualTo(2400);
    }
}
