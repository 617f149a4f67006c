package io.edgetwin.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void busyTimeCountsStealAndLeavesIdleAndIoWaitOut() {
        CpuTimes t = CpuTimes.parse("cpu  11331 5 2998 31724 291 7 51 27 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n"
                + "cpu1 1 2 3 4 5 6 7 8 0 0\nintr 12\n");

        assertEquals(11331 + 5 + 2998 + 7 + 51 + 27, t.busyTicks());
        assertEquals(27, t.stealTicks());
        assertEquals(291, t.ioWaitTicks());
        assertEquals(t.busyTicks() + 31724 + 291, t.totalTicks());
        assertEquals(2, t.cores());
    }

    @Test
    void aFileWithoutTheAggregateLineIsRefusedSayingWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuTimes.parse("intr 1\n"));

        assertTrue(e.getMessage().contains("'cpu '"), e.getMessage());
    }
}
