package io.edgetwin.report;

/**
 * One second of the host as the rest of the machine used it, during a variant's measured part. Shares
 * are of all the host's cores (0.5 on a 2-core host = one core's worth).
 *
 * @param tMs             end of the sampled second, ms since the measured part started
 * @param outsideShare    CPU used by everything that is not this run (host busy time, steal included,
 *                        minus the run's twins, broker and harness), as a share of all cores
 * @param stealShare      of the host's time, what the hypervisor gave to other guests
 * @param ioWaitShare     of the host's time, idle with I/O outstanding ({@code /proc/stat} iowait)
 * @param cpuPressure     PSI {@code some}: share of the time some task waited for a CPU; {@code null}
 *                        where the kernel has no {@code /proc/pressure}
 * @param memoryPressure  PSI {@code some} for memory; {@code null} without PSI
 * @param ioPressure      PSI {@code some} for I/O; {@code null} without PSI
 */
public record InterferenceSample(long tMs, double outsideShare, double stealShare, double ioWaitShare,
                                 Double cpuPressure, Double memoryPressure, Double ioPressure) {

    public InterferenceSample {
        share("outsideShare", outsideShare);
        share("stealShare", stealShare);
        share("ioWaitShare", ioWaitShare);
        if (cpuPressure != null) {
            share("cpuPressure", cpuPressure);
        }
        if (memoryPressure != null) {
            share("memoryPressure", memoryPressure);
        }
        if (ioPressure != null) {
            share("ioPressure", ioPressure);
        }
    }

    private static void share(String field, double value) {
        if (!(value >= 0) || value > 1) {
            throw new IllegalArgumentException("interference.samples." + field + " is " + value + "; expected a share in [0, 1]");
        }
    }
}
