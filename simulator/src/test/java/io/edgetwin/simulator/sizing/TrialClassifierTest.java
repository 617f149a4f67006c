package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.ComponentLimits;
import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.OomKills;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import java.util.List;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.Validity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialClassifierTest {

    private static final String INFERENCE = "com.edgetwin.Inference";
    private static final List<Threshold> SLOS = Threshold.parseAll(List.of("latency.p99 < 50ms", "errors.rate < 1%"));
    private static final Observation QUIET = new Observation(true, 0, 200L << 20, 0.5);

    private static VariantResult run(long sent, long late, double p99, long oomKills, boolean enforced) {
        return run(sent, late, p99, oomKills, enforced, Validity.ok());
    }

    private static VariantResult run(long sent, long late, double p99, long oomKills, boolean enforced, Validity validity) {
        DeviceCaps device = new DeviceCaps(1L << 30, null, 2.0, null);
        VariantResult measured = VariantResult.measured(device, device, 2000, validity, new RequestCounts(sent, sent, 0, late),
                new LatencySummary(p99 / 4, p99 / 2, p99, p99 * 2, p99 / 3), EncodedHistogram.empty(60_000_000_000L), 50,
                300L << 20, new OomKills(0, Map.of(INFERENCE, oomKills)),
                Map.of(INFERENCE, ComponentResult.unobserved(new ComponentLimits(262144L, 0.5), enforced, "RUNNING", 0)));
        return measured.withThresholds(Gate.evaluate(SLOS, measured).results());
    }

    private static final String LOST = "latency.p99 < 50ms lost: 25 answers over 50 ms, more than the 24 that 2400 planned requests allow";

    @Test
    void aLoadStoppedOnALostSloIsThatSloMissThoughTooShortToReportAP99() {
        Validity tooShort = Validity.invalid("301 answers are too few to report p99 at 99% confidence; need 662 (raise the rate or the duration)");
        TrialResult result = TrialClassifier.classify(INFERENCE, run(301, 0, 130, 0, true, tooShort), QUIET, null, LOST);
        assertThat(result.outcome()).isEqualTo(Outcome.SLO_MISS);
        assertThat(result.detail()).isEqualTo(LOST);
        assertThat(TrialClassifier.classify(INFERENCE, run(301, 0, 130, 0, true, tooShort), QUIET, null).outcome())
                .as("the same run not stopped on a lost SLO").isEqualTo(Outcome.INVALID);
    }

    @Test
    void aLoadStoppedOnALostSloOnABusyHostIsInvalidForTheHostNotAnSloMiss() {
        Validity busy = Validity.invalid("301 answers are too few to report p99 at 99% confidence; need 662 (raise the rate or the duration)",
                "host interference: others on this host used 85 % of the 2 cores during the measured part (peak 87 %)");
        TrialResult result = TrialClassifier.classify(INFERENCE, run(301, 0, 130, 0, true, busy), QUIET, null, LOST);
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.detail()).isEqualTo("the run is invalid: host interference: others on this host used 85 % of the 2 cores "
                + "during the measured part (peak 87 %)");
    }

    @Test
    void aLoadStoppedOnALostSloKeepsAMemoryCause() {
        assertThat(TrialClassifier.classify(INFERENCE, run(301, 0, 900, 1, true), QUIET, null, LOST).outcome()).isEqualTo(Outcome.OOM);
    }

    @Test
    void aRunWithinEverySloPasses() {
        TrialResult result = TrialClassifier.classify(INFERENCE, run(800, 0, 12.5, 0, true), QUIET, null);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.p99Ms()).isEqualTo(12.5);
        assertThat(result.componentPeakBytes()).isEqualTo(200L << 20);
    }

    @Test
    void aMissedSloIsNamedWithItsActualValue() {
        TrialResult result = TrialClassifier.classify(INFERENCE, run(800, 0, 73.25, 0, true), QUIET, null);
        assertThat(result.outcome()).isEqualTo(Outcome.SLO_MISS);
        assertThat(result.detail()).isEqualTo("latency.p99 < 50ms missed: actual 73.250 ms");
    }

    @Test
    void anOomKillOfTheComponentExplainsAMissedSloToo() {
        TrialResult result = TrialClassifier.classify(INFERENCE, run(800, 0, 900, 2, true), QUIET, null);
        assertThat(result.outcome()).isEqualTo(Outcome.OOM);
        assertThat(result.detail()).contains("OOM-killed 2 time(s)");
    }

    @Test
    void anOomKillSeenOnlyInTheStatusMessagesCountsWhenTheRunDidNotComplete() {
        TrialResult result = TrialClassifier.classify(INFERENCE, null, new Observation(true, 3, 0, 0), "component is BROKEN");
        assertThat(result.outcome()).isEqualTo(Outcome.OOM);
        assertThat(result.p99Ms()).isNull();
    }

    @Test
    void majorFaultsAboveTheBoundWhileServingAreThrashing() {
        Observation paging = new Observation(true, 0, 120L << 20, TrialClassifier.THRASH_MAJOR_FAULTS_PER_SECOND + 1);
        assertThat(TrialClassifier.classify(INFERENCE, run(800, 0, 40, 0, true), paging, null).outcome()).isEqualTo(Outcome.THRASH);
        Observation atTheBound = new Observation(true, 0, 120L << 20, TrialClassifier.THRASH_MAJOR_FAULTS_PER_SECOND);
        assertThat(TrialClassifier.classify(INFERENCE, run(800, 0, 40, 0, true), atTheBound, null).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aRunThatCannotBeJudgedIsInvalidWithTheReason() {
        assertThat(TrialClassifier.classify(INFERENCE, run(661, 0, 10, 0, true), QUIET, null).detail())
                .isEqualTo("661 requests measured; a p99 needs at least 662");
        assertThat(TrialClassifier.classify(INFERENCE, run(800, 41, 10, 0, true), QUIET, null).detail())
                .contains("41 of 800 requests were sent late");
        assertThat(TrialClassifier.classify(INFERENCE, run(800, 0, 10, 0, false), QUIET, null).detail())
                .contains("were not enforced");
        TrialResult broken = TrialClassifier.classify(INFERENCE, null, QUIET, "component X is BROKEN\nlog lines");
        assertThat(broken.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(broken.detail()).isEqualTo("the run did not complete: component X is BROKEN");
    }

    @Test
    void anInvalidRunIsNotCalledAnSloMiss() {
        assertThat(TrialClassifier.classify(INFERENCE, run(500, 0, 90, 0, true), QUIET, null).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void aRunItsOwnValidityCallsInvalidIsInvalidWithItsReasons() {
        VariantResult busy = run(800, 0, 12.5, 0, true, Validity.invalid("the load generator used 95% of a core; the limit is 80%"));

        TrialResult result = TrialClassifier.classify(INFERENCE, busy, QUIET, null);

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.detail()).isEqualTo("the run is invalid: the load generator used 95% of a core; the limit is 80%");
    }
}
