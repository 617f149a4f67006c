package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridScanTest {

    private static final MemoryRange MEMORY = MemoryRange.parse("64m..1g");
    private static final CpuRange CPUS = CpuRange.parse("0.1..2");

    @Test
    void theGridRunsEveryCapOfTheRangeAtTheTopCpu() throws Exception {
        ThresholdRunner runner = ThresholdRunner.needing(200, 0.5);
        GridScan.Result grid = new GridScan(MEMORY, CPUS, 16 * 1024, runner, line -> { }).run();
        assertThat(runner.tried).hasSize(61);
        assertThat(runner.tried.get(0)).isEqualTo(new Caps(64 * 1024, 2));
        assertThat(runner.tried.get(60)).isEqualTo(new Caps(1024 * 1024, 2));
        assertThat(grid.minimumKb()).isEqualTo(208 * 1024);
        assertThat(grid.firstPassKb()).isEqualTo(208 * 1024);
    }

    @Test
    void aPassBelowAFailureIsNotTheGridMinimum() throws Exception {
        // 96m passes once, 112m misses its SLO, everything from 128m passes.
        TrialRunner runner = (number, phase, caps) -> {
            long mib = caps.memoryKb() / 1024;
            boolean passes = mib == 96 || mib >= 128;
            return new TrialResult(passes ? Outcome.PASS : mib < 96 ? Outcome.OOM : Outcome.SLO_MISS, "", 10.0, 0, 0, null);
        };
        GridScan.Result grid = new GridScan(MemoryRange.parse("64m..256m"), CPUS, 16 * 1024, runner, line -> { }).run();
        assertThat(grid.minimumKb()).isEqualTo(128 * 1024);
        assertThat(grid.firstPassKb()).isEqualTo(96 * 1024);
        assertThat(grid.trials()).extracting(t -> t.result().outcome())
                .startsWith(Outcome.OOM, Outcome.OOM, Outcome.PASS, Outcome.SLO_MISS, Outcome.PASS);
    }

    @Test
    void theGridRecommendsItsMinimumWithTheSearchsHeadroom() throws Exception {
        GridScan.Result grid = new GridScan(MEMORY, CPUS, 16 * 1024, ThresholdRunner.needing(128, 0.5), line -> { }).run();
        // OOM kills below 128m: the after-OOM rule, max(128m + 100 MiB, 128m × 1.2) = 228m.
        assertThat(grid.recommendedKb()).isEqualTo(228 * 1024);
    }

    @Test
    void aGridWhoseTopFailsHasNoMinimum() throws Exception {
        GridScan.Result grid = new GridScan(MemoryRange.parse("64m..128m"), CPUS, 16 * 1024,
                ThresholdRunner.needing(2000, 0.5), line -> { }).run();
        assertThat(grid.minimumKb()).isNull();
        assertThat(grid.firstPassKb()).isNull();
        assertThat(grid.recommendedKb()).isNull();
        assertThat(grid.trials()).hasSize(5);
    }

    @Test
    void theSearchedMinimumIsNeverMoreThanTenPercentAboveTheSixteenMibGridMinimum() throws Exception {
        for (long needMib = 65; needMib <= 1000; needMib += 7) {
            long grid = new GridScan(MEMORY, CPUS, 16 * 1024, ThresholdRunner.needing(needMib, 0.5), line -> { }).run().minimumKb();
            long searched = new SizingSearch(MEMORY, CPUS, ThresholdRunner.needing(needMib, 0.5), line -> { })
                    .run().minimum().memoryKb();
            // Below ~160 MiB a 16 MiB grid is coarser than 10 %, and the search may land below the grid's answer.
            assertThat((double) searched).as("need %d MiB", needMib).isLessThanOrEqualTo(grid * 1.10);
        }
    }
}
