package io.edgetwin.simulator.sizing;

import io.edgetwin.simulator.host.CpuTimes;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits, before an INVALID trial is repeated, until the host has been quiet: at most {@value #QUIET_PERCENT} %
 * of its cores busy in each of {@value #QUIET_SECONDS} seconds in a row, or {@value #AT_MOST_SECONDS} seconds
 * have passed (then the repeat runs anyway and its own validity check judges it). The host's CPU times and the
 * pause between readings are parameters, so a test feeds recorded readings.
 */
final class QuietHost {

    static final int QUIET_PERCENT = 20;
    static final int QUIET_SECONDS = 5;
    static final int AT_MOST_SECONDS = 60;

    /** Pauses for a duration. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Supplier<CpuTimes> cpu;
    private final Pause pause;

    QuietHost(Supplier<CpuTimes> cpu, Pause pause) {
        this.cpu = cpu;
        this.pause = pause;
    }

    /** @return whether the host became quiet within the bound */
    boolean await(Consumer<String> progress) throws InterruptedException {
        progress.accept("waiting until the host is quiet (at most " + QUIET_PERCENT + " % busy for " + QUIET_SECONDS
                + " s in a row; at most " + AT_MOST_SECONDS + " s)");
        CpuTimes before = cpu.get();
        int quiet = 0;
        double busy = 0;
        for (int second = 1; second <= AT_MOST_SECONDS; second++) {
            pause.sleep(Duration.ofSeconds(1));
            CpuTimes now = cpu.get();
            long total = now.totalTicks() - before.totalTicks();
            busy = total <= 0 ? 0 : (double) (now.busyTicks() - before.busyTicks()) / total;
            before = now;
            quiet = busy * 100 <= QUIET_PERCENT ? quiet + 1 : 0;
            if (quiet >= QUIET_SECONDS) {
                progress.accept("the host was quiet after " + second + " s");
                return true;
            }
        }
        progress.accept(String.format(Locale.ROOT, "the host was still busy after %d s (%.0f %% in the last second): "
                + "repeating anyway", AT_MOST_SECONDS, busy * 100));
        return false;
    }
}
