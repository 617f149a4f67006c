package io.edgetwin.simulator.host;

/**
 * The host's cumulative CPU time from the first ({@code cpu}) line of {@code /proc/stat}, in clock
 * ticks summed over every core. Busy time counts steal: a hypervisor running another guest on our
 * core is interference like any other process. Guest time is already inside user time.
 *
 * @param cores how many {@code cpuN} lines the file has
 */
public record CpuTimes(long busyTicks, long stealTicks, long ioWaitTicks, long totalTicks, int cores) {

    public CpuTimes {
        if (busyTicks < 0 || stealTicks < 0 || ioWaitTicks < 0 || totalTicks < busyTicks || cores <= 0) {
            throw new IllegalArgumentException("cpu times busy " + busyTicks + ", steal " + stealTicks + ", iowait "
                    + ioWaitTicks + ", total " + totalTicks + " on " + cores + " cores; expected counters >= 0,"
                    + " busy <= total, at least one core");
        }
    }

    /** Parses the text of {@code /proc/stat}; throws naming what is missing. */
    public static CpuTimes parse(String procStat) {
        String[] lines = procStat.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("cpu ")) {
            throw new IllegalArgumentException("/proc/stat does not start with a 'cpu ' line; expected the kernel's"
                    + " aggregate CPU times");
        }
        String[] f = lines[0].trim().split("\\s+");
        if (f.length < 9) {
            throw new IllegalArgumentException("/proc/stat's cpu line has " + (f.length - 1) + " fields; expected at"
                    + " least 8 (user nice system idle iowait irq softirq steal)");
        }
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long ioWait = Long.parseLong(f[5]);
        long irq = Long.parseLong(f[6]);
        long softIrq = Long.parseLong(f[7]);
        long steal = Long.parseLong(f[8]);
        int cores = 0;
        for (String line : lines) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                cores++;
            }
        }
        long busy = user + nice + system + irq + softIrq + steal;
        return new CpuTimes(busy, steal, ioWait, busy + idle + ioWait, Math.max(cores, 1));
    }
}
