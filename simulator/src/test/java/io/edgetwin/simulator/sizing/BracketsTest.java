package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BracketsTest {

    private static final MemoryRange MEMORY = MemoryRange.parse("64m..1g");
    private static final CpuRange CPUS = CpuRange.parse("0.1..2");

    @Test
    void memoryIsBracketedFromEightyEightPercentOfTheSettledLevelToThePeakPlusTwentyPercent() {
        SeededBisection memory = Brackets.memory(new Usage(150L << 20, 138L << 20, 0.1, 0.2, 0), MEMORY, 0.05, w -> { });
        assertThat(memory.low()).isEqualTo(121 * 1024);
        assertThat(memory.found()).isEqualTo(180 * 1024);
    }

    @Test
    void theLastFullRunsObservationGivesABottomBelowTheMinimumItFoundInThreeSteps() {
        // At the top: settled 147m, peak 147m; the run's trials OOM-killed at 129m and passed at 135m..142m.
        SeededBisection memory = Brackets.memory(new Usage(147L << 20, 147L << 20, 0.059, 0.203, 0), MEMORY, 0.05, w -> { });
        assertThat(memory.low()).isEqualTo(129 * 1024);
        assertThat(memory.found()).isEqualTo(177 * 1024);
        assertThat(memory.budget()).isEqualTo(3);
    }

    @Test
    void aWrongMemoryBracketWidensByTheRatioTheObservationImpliedNotByHalving() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        SeededBisection memory = Brackets.memory(new Usage(147L << 20, 147L << 20, 0.059, 0.203, 0), MEMORY, 0.05, notes::add);
        while (!memory.done()) {
            double kb = memory.next();
            memory.record(kb, kb >= 100 * 1024);
        }
        assertThat(notes.get(0)).endsWith("widened downward to 94m..129m");
        assertThat(memory.found()).isBetween(100 * 1024.0, 105 * 1024.0);
    }

    @Test
    void cpuIsBracketedFromTheHighQuantileToFortyFivePercentAboveItNotFromTheMean() {
        SeededBisection cpus = Brackets.cpus(new Usage(150L << 20, 138L << 20, 0.12, 0.16, 0), CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.16);
        assertThat(cpus.found()).isEqualTo(0.232);
    }

    @Test
    void theAnomalyModelsMeasuredObservationGivesACpuBracketOfThreeSteps() {
        // At the top: 0.097 cores on average, 0.297 at the 95th percentile of its seconds (docs/performance.md).
        SeededBisection cpus = Brackets.cpus(new Usage(132L << 20, 127L << 20, 0.097, 0.297, 0), CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.297);
        assertThat(cpus.found()).isEqualTo(0.431);
        assertThat(cpus.budget()).isEqualTo(3);
    }

    @Test
    void aTopThrottledByItsOwnCapLeavesTheCpuBracketOpenToTheTopOfTheRange() {
        SeededBisection cpus = Brackets.cpus(new Usage(150L << 20, 138L << 20, 0.12, 0.16, 0.2), CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.12);
        assertThat(cpus.found()).isEqualTo(2.0);
    }

    @Test
    void bracketsStayInsideTheRangesAndWithoutUsageAreTheRanges() {
        SeededBisection huge = Brackets.memory(new Usage(2000L << 20, 1500L << 20, 0.1, 0.2, 0), MEMORY, 0.05, w -> { });
        assertThat(huge.found()).isEqualTo(1024 * 1024);
        assertThat(huge.low()).isLessThan(1024 * 1024 / 1.05 + 1);
        SeededBisection tiny = Brackets.memory(new Usage(10L << 20, 8L << 20, 0.1, 0.2, 0), MEMORY, 0.05, w -> { });
        assertThat(tiny.low()).isEqualTo(64 * 1024);
        assertThat(tiny.found()).isGreaterThan(64 * 1024);
        SeededBisection blind = Brackets.cpus(Usage.none(), CPUS, 0.05, w -> { });
        assertThat(blind.low()).isEqualTo(0.1);
        assertThat(blind.found()).isEqualTo(2.0);
    }

    @Test
    void theCpuBracketSitsAroundTheQuotaThePeriodsDemandExceedsInTheToleratedShareNotThePerSecondPercentile() {
        // The calibration top trial: 0.229 at the per-second 95th percentile, 0.548 exceeded in 1 % of 635 periods;
        // the edges measured in earlier searches lay at 0.262..0.31.
        Usage usage = new Usage(127L << 20, 127L << 20, 0.070, 0.229, 0).withPeriodCpus(0.548, 635);
        SeededBisection cpus = Brackets.cpus(usage, CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.246);
        assertThat(cpus.found()).isEqualTo(0.358);
        assertThat(Brackets.describe(usage)).contains("CPU bracket from 0.548 cores").contains("635 periods");
    }

    @Test
    void tooFewSampledPeriodsLeaveTheCpuBracketOnThePerSecondPercentileAndSaySo() {
        Usage usage = new Usage(147L << 20, 147L << 20, 0.059, 0.187, 0).withPeriodCpus(0.31, 40);
        SeededBisection cpus = Brackets.cpus(usage, CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.187);
        assertThat(Brackets.describe(usage)).contains("from the per-second 95th percentile (40 periods");
    }
}
