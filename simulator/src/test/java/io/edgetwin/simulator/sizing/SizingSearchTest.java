package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizingSearchTest {

    private static final MemoryRange MEMORY = MemoryRange.parse("64m..1g");
    private static final CpuRange CPUS = CpuRange.parse("0.1..2");

    private static Sizing size(TrialRunner runner) throws Exception {
        return new SizingSearch(MEMORY, CPUS, runner, line -> { }).run();
    }

    @Test
    void aBlindSearchTakesAtMostOneTrialPerHalvingOfBothRangesPlusFour() throws Exception {
        assertThat(SizingSearch.blindTrials(MEMORY, CPUS)).isEqualTo(15);
        for (long needMib = 65; needMib <= 1024; needMib += 3) {
            for (double needCpus : new double[] {0.11, 0.21, 0.5, 1.3}) {
                Sizing sizing = size(ThresholdRunner.needing(needMib, needCpus));
                assertThat(sizing.trials()).as("need %d MiB, %.2f cpus", needMib, needCpus).hasSizeLessThanOrEqualTo(15);
            }
        }
    }

    @Test
    void foundMemoryIsTheTrueMinimumOrAtMostFivePercentAboveIt() throws Exception {
        for (long needMib = 65; needMib <= 1024; needMib++) {
            long found = size(ThresholdRunner.needing(needMib, 0.5)).minimum().memoryKb();
            assertThat(found).as("need %d MiB", needMib).isBetween(needMib * 1024, (long) Math.ceil(needMib * 1.05) * 1024);
        }
    }

    @Test
    void foundCpusAreTheTrueMinimumOrAtMostFivePercentAboveIt() throws Exception {
        for (double need = 0.11; need <= 2; need += 0.013) {
            double found = size(ThresholdRunner.needing(300, need)).minimum().cpus();
            assertThat(found).as("need %.3f cpus", need).isBetween(need, need * 1.05 + 0.001);
        }
    }

    @Test
    void anAnomalyLikeObservationSizesInAtMostEightTrialsConfirmRunIncluded() throws Exception {
        // The anomaly model as measured (docs/performance.md): at the top its working set settled at 127m and
        // peaked at 132m; it used 0.097 cores on average, 0.297 at the 95th percentile of its seconds; it needs
        // 134m and 0.32 cores.
        ThresholdRunner runner = ThresholdRunner.needing(134, 0.32).observing(127, 132, 0.097, 0.297);
        Sizing sizing = size(runner);
        assertThat(sizing.trials()).hasSizeLessThanOrEqualTo(8);
        assertThat(sizing.verdict()).isEqualTo(Sizing.Verdict.CONFIRMED);
        assertThat(sizing.minimum().memoryKb()).isBetween(134L * 1024, (long) Math.ceil(134 * 1.05) * 1024);
        assertThat(sizing.minimum().cpus()).isBetween(0.32, 0.32 * 1.05 + 0.001);
        assertThat(sizing.widenings()).isEmpty();
        assertThat(sizing.plan()).contains("brackets memory 111m..146m, cpus 0.297..0.431: at most 9 trials if they hold");
        assertThat(runner.tried).containsExactly(new Caps(1024 * 1024, 2), new Caps(127 * 1024, 0.358),
                new Caps(136 * 1024, 0.358), new Caps(131 * 1024, 0.326), new Caps(136 * 1024, 0.326),
                new Caps(136 * 1024, 0.311), new Caps(136 * 1024, 0.326), new Caps(236 * 1024, 0.38));
    }

    @Test
    void theLastFullRunsObservationNeedsNoMemoryWideningAndACpuTopThatFailedCostsFewTrials() throws Exception {
        // At the top its memory settled at 147m (peak 147m), 0.203 cores at the 95th percentile; the run found it
        // OOM-killed at 129m, passing at 135m..142m, every CPU cap up to 0.295 missing.
        ThresholdRunner runner = ThresholdRunner.needing(138, 0.31).observing(147, 147, 0.059, 0.203);
        Sizing sizing = size(runner);
        assertThat(sizing.widenings()).noneSatisfy(w -> assertThat(w).contains("m.."));
        assertThat(sizing.minimum().memoryKb()).isBetween(138L * 1024, (long) Math.ceil(138 * 1.05) * 1024);
        assertThat(sizing.minimum().cpus()).isBetween(0.31, 0.31 * 1.05 + 0.001);
        // Top, three shared trials, the CPU top alone, its widened bracket's three steps, joint check, confirm run.
        assertThat(sizing.trials()).hasSize(11);
    }

    @Test
    void aCpuBracketWhoseBottomPassesWidensDownwardByItsOwnRatio() throws Exception {
        // Needs 0.22 cores though its seconds reached 0.297 at the 95th percentile at the top.
        Sizing sizing = size(ThresholdRunner.needing(134, 0.22).observing(127, 132, 0.097, 0.297));
        assertThat(sizing.widenings()).anySatisfy(w -> assertThat(w).startsWith("the bracket's bottom passed: 0.297..")
                .endsWith("widened downward to 0.205..0.297"));
        assertThat(sizing.minimum().cpus()).isBetween(0.22, 0.22 * 1.05 + 0.001);
    }

    @Test
    void whateverTheObservationSaysTheMinimumIsFoundWithinFivePercent() throws Exception {
        long[][] observations = { // settled, peak (MiB) for a need of 100 MiB: right, too high, too low, far too low
            {98, 110}, {280, 330}, {40, 50}, {64, 64}};
        double[][] cpus = {{0.2, 0.3}, {0.9, 1.2}, {0.05, 0.06}};
        for (long needMib = 70; needMib <= 900; needMib += 61) {
            for (long[] memory : observations) {
                for (double[] cpu : cpus) {
                    double scale = needMib / 100.0;
                    double needCpus = Math.min(1.9, 0.25 * scale);
                    ThresholdRunner runner = ThresholdRunner.needing(needMib, needCpus)
                            .observing(Math.max(1, Math.round(memory[0] * scale)), Math.max(1, Math.round(memory[1] * scale)),
                                    cpu[0] * scale, cpu[1] * scale);
                    Sizing sizing = size(runner);
                    String as = "need %d MiB, observed %s / %s".formatted(needMib, Arrays.toString(memory), Arrays.toString(cpu));
                    assertThat(sizing.minimum().memoryKb()).as(as).isBetween(needMib * 1024, (long) Math.ceil(needMib * 1.05) * 1024);
                    assertThat(sizing.minimum().cpus()).as(as).isBetween(needCpus, needCpus * 1.05 + 0.001);
                }
            }
        }
    }

    @Test
    void aBracketWhoseTopFailsWidensUpwardAndSaysSo() throws Exception {
        List<String> lines = new ArrayList<>();
        Sizing sizing = new SizingSearch(MEMORY, CPUS, ThresholdRunner.needing(300, 0.5).observing(100, 120, 0.2, 0.3), lines::add).run();
        assertThat(sizing.widenings()).anySatisfy(w -> assertThat(w).startsWith("the bracket's top failed: 128m..132m widened upward to 132m..198m"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("the observation misled: the bracket's top failed"));
        assertThat(sizing.minimum().memoryKb()).isBetween(300L * 1024, 315L * 1024);
    }

    @Test
    void aBracketWhoseBottomPassesWidensDownwardAndSaysSo() throws Exception {
        // A runtime that grows its heap to fit a large cap settles far above what it needs.
        Sizing sizing = size(ThresholdRunner.needing(144, 0.21).observing(280, 321, 0.12, 0.16));
        assertThat(sizing.widenings()).first().asString().startsWith("the bracket's bottom passed: 246m..257m widened downward to 171m..246m");
        assertThat(sizing.minimum().memoryKb()).isBetween(144L * 1024, 152L * 1024);
        assertThat(sizing.trials()).hasSize(13);
    }

    @Test
    void sameOutcomesGiveTheSameRecommendation() throws Exception {
        ThresholdRunner first = ThresholdRunner.needing(217, 0.37).observing(200, 260, 0.1, 0.3);
        ThresholdRunner second = ThresholdRunner.needing(217, 0.37).observing(200, 260, 0.1, 0.3);
        Sizing a = size(first);
        Sizing b = size(second);
        assertThat(a.recommendation()).isEqualTo(b.recommendation());
        assertThat(a.minimum()).isEqualTo(b.minimum());
        assertThat(first.tried).isEqualTo(second.tried);
    }

    @Test
    void theFirstSearchTrialTriesTheGeometricMiddleOfBothBrackets() throws Exception {
        ThresholdRunner runner = ThresholdRunner.needing(300, 0.5).observing(290, 320, 0.2, 0.4);
        Sizing sizing = size(runner);
        assertThat(runner.tried.get(0)).isEqualTo(new Caps(1024 * 1024, 2));
        // memory 255m (settled × 0.88)..352m (peak × 1.1), cpus 0.4..0.58 (95th percentile × 1.45).
        assertThat(runner.tried.get(1)).isEqualTo(new Caps(300 * 1024, 0.482));
        assertThat(sizing.trials().get(1).phase()).isEqualTo(Phase.SEARCH);
        assertThat(sizing.trials()).extracting(Trial::phase).endsWith(Phase.JOINT, Phase.CONFIRM);
    }

    @Test
    void withoutAnObservationTheWholeRangesAreBisectedGeometrically() throws Exception {
        ThresholdRunner runner = ThresholdRunner.needing(300, 0.5);
        size(runner);
        assertThat(runner.tried.get(1)).isEqualTo(new Caps(256 * 1024, 0.447));
    }

    @Test
    void aRangeWhoseTopFailsHasNoFeasibleCapsAndSaysWhy() throws Exception {
        Sizing sizing = size(ThresholdRunner.needing(2048, 0.5));
        assertThat(sizing.verdict()).isEqualTo(Sizing.Verdict.NO_FEASIBLE_CAPS);
        assertThat(sizing.summary()).startsWith("no feasible caps: fails even at 1g, cpus 2: OOM in trial 1");
        assertThat(sizing.trials()).hasSize(1);
        assertThat(sizing.recommendation()).isNull();
    }

    @Test
    void confirmedOnlyWhenTheConfirmRunAtTheRecommendedCapsPasses() throws Exception {
        Sizing passing = size(ThresholdRunner.needing(300, 0.5));
        assertThat(passing.verdict()).isEqualTo(Sizing.Verdict.CONFIRMED);
        assertThat(passing.confirm().caps()).isEqualTo(passing.recommendation());

        Sizing failing = size(new ThresholdRunner(300 * 1024, 0.5, Outcome.OOM, Phase.CONFIRM));
        assertThat(failing.verdict()).isEqualTo(Sizing.Verdict.UNCONFIRMED);
        assertThat(failing.summary()).contains("the confirm run failed: SLO_MISS in trial " + failing.confirm().number());
    }

    @Test
    void headroomAfterAnOomInTheSearchIsTheLargerOfPlusOneHundredMibAndTwentyPercent() throws Exception {
        Sizing oom = size(new ThresholdRunner(300 * 1024, 0.5, Outcome.OOM, null));
        long min = oom.minimum().memoryKb();
        assertThat(oom.oomSeen()).isTrue();
        assertThat(oom.recommendation().memoryKb()).isEqualTo((long) Math.ceil(Math.max(min + 100 * 1024, min * 1.2) / 1024) * 1024);

        Sizing thrash = size(new ThresholdRunner(300 * 1024, 0.5, Outcome.THRASH, null));
        long thrashMin = thrash.minimum().memoryKb();
        assertThat(thrash.oomSeen()).isFalse();
        assertThat(thrash.recommendation().memoryKb()).isEqualTo((long) Math.ceil(thrashMin * 1.15 / 1024) * 1024);
        assertThat(thrash.recommendation().cpus()).isEqualTo(Math.ceil(thrash.minimum().cpus() * 115) / 100);
    }

    @Test
    void headroomNeverGoesAboveTheTopOfTheRanges() {
        Caps capped = Headroom.recommend(new Caps(1000 * 1024, 1.9), true, MEMORY, CPUS);
        assertThat(capped).isEqualTo(new Caps(1024 * 1024, 2));
    }

    @Test
    void aFailingJointCheckRaisesTheCapItsCauseNamesByOneStep() throws Exception {
        Sizing sizing = size(new ThresholdRunner(300 * 1024, 0.5, Outcome.OOM, Phase.JOINT));
        Trial joint = sizing.trials().stream().filter(t -> t.phase() == Phase.JOINT).findFirst().orElseThrow();
        assertThat(joint.result().outcome()).isEqualTo(Outcome.SLO_MISS);
        assertThat(sizing.minimum().memoryKb()).isEqualTo(joint.caps().memoryKb());
        assertThat(sizing.minimum().cpus()).isGreaterThan(joint.caps().cpus()).isLessThanOrEqualTo(joint.caps().cpus() * 1.05 + 0.001);
    }

    @Test
    void progressNamesTheTrialTheBracketsAndTheIntervalsBeingSplit() throws Exception {
        List<String> lines = new ArrayList<>();
        new SizingSearch(MEMORY, CPUS, ThresholdRunner.needing(300, 0.5), lines::add).run();
        assertThat(lines).contains("trial 1 (top): memory 1g, cpus 2, the top of both ranges, observing what the component uses",
                "no usage seen at the top: the whole ranges are searched; brackets memory 64m..1g, cpus 0.1..2: at most 15 trials if they hold",
                "trial 2 (search): memory 64m..1g → 256m, cpus 0.1..2 → 0.447");
    }

    @Test
    void anInvalidTrialIsRepeatedAtTheSameCapsOnAQuietHostAndNotCountedAgainstTheCpu() throws Exception {
        ThresholdRunner clean = ThresholdRunner.needing(134, 0.32).observing(127, 132, 0.097, 0.297);
        Sizing expected = size(clean);
        ThresholdRunner noisy = ThresholdRunner.needing(134, 0.32).observing(127, 132, 0.097, 0.297).invalidIn(2);
        Sizing sizing = size(noisy);
        assertThat(noisy.tried.get(2)).isEqualTo(noisy.tried.get(1));
        assertThat(noisy.quietWaits).isEqualTo(1);
        assertThat(sizing.trials()).hasSize(expected.trials().size() + 1);
        assertThat(sizing.minimum()).isEqualTo(expected.minimum());
        assertThat(sizing.recommendation()).isEqualTo(expected.recommendation());
        assertThat(sizing.verdict()).isEqualTo(Sizing.Verdict.CONFIRMED);
    }

    @Test
    void theSameSeedGivesTheSameRecommendationWhateverTrialsTheHostMadeInvalidOnce() throws Exception {
        Sizing expected = size(ThresholdRunner.needing(134, 0.32).observing(127, 132, 0.097, 0.297));
        for (int invalid = 1; invalid <= expected.trials().size(); invalid++) {
            Sizing sizing = size(ThresholdRunner.needing(134, 0.32).observing(127, 132, 0.097, 0.297).invalidIn(invalid));
            assertThat(sizing.recommendation()).as("trial %d invalid", invalid).isEqualTo(expected.recommendation());
            assertThat(sizing.verdict()).isEqualTo(Sizing.Verdict.CONFIRMED);
        }
    }

    @Test
    void aTrialThatStaysInvalidWhenRepeatedLeavesTheSizingUnconfirmedAndSaysWhich() throws Exception {
        List<String> lines = new ArrayList<>();
        ThresholdRunner runner = ThresholdRunner.needing(134, 0.32).observing(127, 132, 0.097, 0.297).invalidIn(2, 3);
        Sizing sizing = new SizingSearch(MEMORY, CPUS, runner, lines::add).run();
        assertThat(sizing.verdict()).isEqualTo(Sizing.Verdict.UNCONFIRMED);
        assertThat(sizing.summary()).contains("trial(s) 3 stayed INVALID when repeated and were counted against the CPU");
        assertThat(sizing.recommendation()).isNotNull();
        assertThat(lines).contains("trial 2 is no evidence (INVALID): repeating it once, at the same caps, on a quiet host",
                "trial 3 stayed INVALID: counted against the CPU; the sizing will not be confirmed");
    }
}
