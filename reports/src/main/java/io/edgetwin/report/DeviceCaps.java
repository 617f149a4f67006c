package io.edgetwin.report;

/**
 * A twin's device-level caps: either as a scenario requested them or as applied and read back
 * inside the running twin (the two can differ: the engine rounds CPU quotas, a kernel without swap
 * accounting ignores the swap cap).
 *
 * @param memoryBytes     memory cap in bytes
 * @param memorySwapBytes memory plus swap cap in bytes, Docker's {@code --memory-swap} sense;
 *                        {@code null} when unlimited or not requested
 * @param cpus            CPU cap in cores (0.5 = half a core)
 * @param pids            process-count cap; {@code null} when unlimited or not requested
 */
public record DeviceCaps(long memoryBytes, Long memorySwapBytes, double cpus, Long pids) {

    public DeviceCaps {
        Checks.positive("memoryBytes", memoryBytes);
        Checks.positive("cpus", cpus);
        if (memorySwapBytes != null && memorySwapBytes < memoryBytes) {
            throw new IllegalArgumentException("memorySwapBytes is " + memorySwapBytes
                    + "; expected null (unlimited) or >= memoryBytes " + memoryBytes);
        }
        if (pids != null) {
            Checks.positive("pids", pids);
        }
    }

    /** Memory and CPU caps only; swap and pids unlimited. */
    public static DeviceCaps of(long memoryBytes, double cpus) {
        return new DeviceCaps(memoryBytes, null, cpus, null);
    }
}
