package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridScanTest {

    private static final MemoryRange MEMORY = MemoryRange.parse("64m..1g");

    @Test
    void theGridMinimumIsTheFirstOfTwoPassingCapsInARowFromTheBottom() throws Exception {
        ThresholdRunner runner = ThresholdRunner.needing(200, 0.5);
        GridScan.Result grid = new GridScan(MEMORY, 2, 16 * 1024, runner, line -> { }).run();
        assertThat(grid.minimumKb()).isEqualTo(208 * 1024);
        assertThat(runner.tried).hasSize(11);
        assertThat(runner.tried.get(0)).isEqualTo(new Caps(64 * 1024, 2));
    }

    @Test
    void theSearchedMinimumIsNeverMoreThanTenPercentAboveTheSixteenMibGridMinimum() throws Exception {
        for (long needMib = 65; needMib <= 1000; needMib += 7) {
            long grid = new GridScan(MEMORY, 2, 16 * 1024, ThresholdRunner.needing(needMib, 0.5), line -> { }).run().minimumKb();
            long searched = new SizingSearch(MEMORY, CpuRange.parse("0.1..2"), ThresholdRunner.needing(needMib, 0.5), line -> { })
                    .run().minimum().memoryKb();
            // Below ~160 MiB a 16 MiB grid is coarser than 10 %, and the search may land below the grid's answer.
            assertThat((double) searched).as("need %d MiB", needMib).isLessThanOrEqualTo(grid * 1.10);
        }
    }
}
