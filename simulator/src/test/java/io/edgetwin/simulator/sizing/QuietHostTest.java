package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.host.CpuTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class QuietHostTest {

    /** Readings one second apart whose busy shares are {@code percents}, then quiet forever. */
    private static Supplier<CpuTimes> seconds(int... percents) {
        long[] busy = {0};
        long[] total = {0};
        int[] next = {-1};
        return () -> {
            int i = next[0]++;
            if (i >= 0) {
                busy[0] += i < percents.length ? percents[i] : 0;
                total[0] += 100;
            }
            return new CpuTimes(busy[0], 0, 0, total[0], 2);
        };
    }

    @Test
    void theWaitEndsAfterFiveQuietSecondsInARow() throws Exception {
        List<String> lines = new ArrayList<>();
        int[] pauses = {0};
        boolean quiet = new QuietHost(seconds(80, 10, 10, 60, 5, 5, 5, 5, 5, 90), d -> pauses[0]++).await(lines::add);
        assertThat(quiet).isTrue();
        assertThat(pauses[0]).isEqualTo(9);
        assertThat(lines).last().isEqualTo("the host was quiet after 9 s");
    }

    @Test
    void aHostThatStaysBusyIsWaitedForAtMostAMinute() throws Exception {
        int[] busy = new int[100];
        java.util.Arrays.fill(busy, 50);
        List<String> lines = new ArrayList<>();
        int[] pauses = {0};
        boolean quiet = new QuietHost(seconds(busy), d -> pauses[0]++).await(lines::add);
        assertThat(quiet).isFalse();
        assertThat(pauses[0]).isEqualTo(QuietHost.AT_MOST_SECONDS);
        assertThat(lines).last().isEqualTo("the host was still busy after 60 s (50 % in the last second): repeating anyway");
    }
}
