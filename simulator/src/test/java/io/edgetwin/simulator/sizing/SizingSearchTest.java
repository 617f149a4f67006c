package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizingSearchTest {

    private static final MemoryRange MEMORY = MemoryRange.parse("64m..1g");
    private static final CpuRange CPUS = CpuRange.parse("0.1..2");

    private static Sizing size(TrialRunner runner) throws Exception {
        return new SizingSearch(MEMORY, CPUS, runner, line -> { }).run();
    }

    @Test
    void memorySearchTakesAtMostEightTrialsOverSixtyFourMibToOneGib() throws Exception {
        assertThat(SizingSearch.memoryTrials(MEMORY)).isEqualTo(6);
        for (long needMib = 65; needMib <= 1024; needMib++) {
            Sizing sizing = size(ThresholdRunner.needing(needMib, 0.5));
            long memoryTrials = sizing.trials().stream()
                    .filter(t -> t.phase() == Phase.TOP || t.phase() == Phase.MEMORY).count();
            assertThat(memoryTrials).as("need %d MiB", needMib).isLessThanOrEqualTo(8);
            assertThat(sizing.trials()).hasSizeLessThanOrEqualTo(SizingSearch.maxTrials(MEMORY, CPUS));
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
    void sameOutcomesGiveTheSameRecommendation() throws Exception {
        ThresholdRunner first = ThresholdRunner.needing(217, 0.37);
        ThresholdRunner second = ThresholdRunner.needing(217, 0.37);
        Sizing a = size(first);
        Sizing b = size(second);
        assertThat(a.recommendation()).isEqualTo(b.recommendation());
        assertThat(a.minimum()).isEqualTo(b.minimum());
        assertThat(first.tried).isEqualTo(second.tried);
    }

    @Test
    void memoryIsBisectedGeometricallyAtTheTopCpuThenCpuAtTheFoundMemory() throws Exception {
        ThresholdRunner runner = ThresholdRunner.needing(300, 0.5);
        Sizing sizing = size(runner);
        assertThat(runner.tried.get(0)).isEqualTo(new Caps(1024 * 1024, 2));
        assertThat(runner.tried.get(1)).isEqualTo(new Caps(256 * 1024, 2));
        assertThat(sizing.trials()).filteredOn(t -> t.phase() == Phase.MEMORY).allMatch(t -> t.caps().cpus() == 2);
        assertThat(sizing.trials()).filteredOn(t -> t.phase() == Phase.CPU)
                .allMatch(t -> t.caps().memoryKb() == sizing.minimum().memoryKb());
        assertThat(sizing.trials()).extracting(Trial::phase).endsWith(Phase.JOINT, Phase.CONFIRM);
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
        Trial lastCpu = sizing.trials().stream().filter(t -> t.phase() == Phase.CPU && t.passed()).reduce((x, y) -> y).orElseThrow();
        assertThat(sizing.minimum().memoryKb()).isEqualTo(lastCpu.caps().memoryKb());
        assertThat(sizing.minimum().cpus()).isGreaterThan(lastCpu.caps().cpus()).isLessThanOrEqualTo(lastCpu.caps().cpus() * 1.05 + 0.001);
    }

    @Test
    void progressNamesTheTrialTheMostTrialsAndTheIntervalBeingSplit() throws Exception {
        List<String> lines = new ArrayList<>();
        new SizingSearch(MEMORY, CPUS, ThresholdRunner.needing(300, 0.5), lines::add).run();
        assertThat(lines).contains("trial 1 of at most 15 (top): memory 1g, cpus 2, the top of both ranges",
                "trial 2 of at most 15 (memory): memory 64m..1g → 256m at cpus 2");
    }
}
