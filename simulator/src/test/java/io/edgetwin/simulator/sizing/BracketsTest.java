package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BracketsTest {

    private static final MemoryRange MEMORY = MemoryRange.parse("64m..1g");
    private static final CpuRange CPUS = CpuRange.parse("0.1..2");

    @Test
    void memoryIsBracketedFromEightyEightPercentOfTheSettledLevelToThePeakPlusTenPercent() {
        SeededBisection memory = Brackets.memory(new Usage(150L << 20, 138L << 20, 0.1, 0.2, 0), MEMORY, 0.05, w -> { });
        assertThat(memory.low()).isEqualTo(121 * 1024);
        assertThat(memory.found()).isEqualTo(165 * 1024);
    }

    @Test
    void theLastFullRunsObservationGivesABottomBelowTheMinimumItFoundInThreeSteps() {
        // At the top: settled 147m, peak 147m; the run's trials OOM-killed at 129m and passed at 135m..142m.
        SeededBisection memory = Brackets.memory(new Usage(147L << 20, 147L << 20, 0.059, 0.203, 0), MEMORY, 0.05, w -> { });
        assertThat(memory.low()).isEqualTo(129 * 1024);
        assertThat(memory.found()).isEqualTo(162 * 1024);
        assertThat(memory.budget()).isEqualTo(3);
    }

    @Test
    void pageCacheTheHostHadNotCachedBeforeDoesNotLiftTheMemoryBottomWhenTheAnonymousLevelIsKnown() {
        // A top trial with the twin image's files out of the page cache (run F, docs/performance.md): the usage settled at
        // 362m (peak 370m), 127m of it anonymous; its search found 131m OOM-killed and 142m passing.
        Usage cold = new Usage(370L << 20, 362L << 20, 0.069, 0.261, 0).withResidentBytes(127L << 20);
        SeededBisection memory = Brackets.memory(cold, MEMORY, 0.05, w -> { });
        assertThat(memory.low()).isEqualTo(111 * 1024);
        assertThat(memory.found()).isEqualTo(407 * 1024);
        assertThat(Brackets.describe(cold)).contains("settled at 362m, 127m of it anonymous (peak 370m)");
        // Without the anonymous level the bottom is 0.88 × 362m, far above that edge.
        assertThat(Brackets.memory(new Usage(370L << 20, 362L << 20, 0.069, 0.261, 0), MEMORY, 0.05, w -> { }).low())
                .isEqualTo(318 * 1024);
    }

    @Test
    void aWrongMemoryBracketWidensByTheRatioTheObservationImpliedNotByHalving() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        SeededBisection memory = Brackets.memory(new Usage(147L << 20, 147L << 20, 0.059, 0.203, 0), MEMORY, 0.05, notes::add);
        while (!memory.done()) {
            double kb = memory.next();
            memory.record(kb, kb >= 100 * 1024);
        }
        assertThat(notes.get(0)).endsWith("widened downward to 103m..129m");
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
    void theCpuBracketRunsFromTheQuotaThePeriodsDemandExceedsInTheShareAllowedToBeThrottledNotThePerSecondPercentile() {
        // A top trial of the anomaly model: 0.199 at the per-second 95th percentile, 0.237 exceeded in 5 % of 632 periods;
        // its search found the edge between 0.269 (lost) and 0.282 (passed).
        Usage usage = new Usage(144L << 20, 132L << 20, 0.058, 0.199, 0).withPeriodCpus(0.237, 632);
        SeededBisection cpus = Brackets.cpus(usage, CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.237);
        assertThat(cpus.found()).isEqualTo(0.344);
        assertThat(cpus.budget()).isEqualTo(3);
        assertThat(Brackets.describe(usage)).contains("CPU bracket from 0.237 cores").contains("632 periods");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // search, settled MiB, peak MiB, period figure, memory OOM-killed at, memory passed at, CPU lost at, CPU passed at
        "'evening, run 1', 132, 141, 0.2238, 140, 147, 0.253, 0.265",
        "'evening, run 2', 132, 144, 0.2371, 138, 142, 0.269, 0.282",
        "'afternoon',      129, 142, 0.2566, 139, 142, 0.286, 0.315",
        "'night, 0.42 × the 1 % figure', 122, 138, 0.2076, 133, 139, 0.245, 0.251",
        "'night, run A', 139, 149, 0.2222, 136, 141, 0.267, 0.28",
        "'night, run D', 128, 141, 0.2350, 136, 142, 0.282, 0.296",
        "'night, run E', 128, 138, 0.2140, 135, 141, 0.258, 0.27",
    })
    void theBracketsHoldTheEdgeOfEveryMeasuredSearchOfTheAnomalyModel(String search, long settledMib, long peakMib,
            double periodCpus, long oomMib, long passMib, double lostCpus, double passCpus) {
        Usage usage = new Usage(peakMib << 20, settledMib << 20, 0.06, 0.2, 0).withPeriodCpus(periodCpus, 632);
        SeededBisection memory = Brackets.memory(usage, MEMORY, 0.05, w -> { });
        SeededBisection cpus = Brackets.cpus(usage, CPUS, 0.05, w -> { });
        assertThat(memory.low()).as("memory bottom").isLessThanOrEqualTo(oomMib * 1024);
        assertThat(memory.found()).as("memory top").isGreaterThanOrEqualTo(passMib * 1024);
        assertThat(cpus.low()).as("CPU bottom").isLessThanOrEqualTo(lostCpus);
        assertThat(cpus.found()).as("CPU top").isGreaterThanOrEqualTo(passCpus);
        assertThat(memory.budget() + cpus.budget()).as("bisection steps").isLessThanOrEqualTo(6);
    }

    @Test
    void tooFewSampledPeriodsLeaveTheCpuBracketOnThePerSecondPercentileAndSaySo() {
        Usage usage = new Usage(147L << 20, 147L << 20, 0.059, 0.187, 0).withPeriodCpus(0.31, 40);
        SeededBisection cpus = Brackets.cpus(usage, CPUS, 0.05, w -> { });
        assertThat(cpus.low()).isEqualTo(0.187);
        assertThat(Brackets.describe(usage)).contains("from the per-second 95th percentile (40 periods");
    }
}
