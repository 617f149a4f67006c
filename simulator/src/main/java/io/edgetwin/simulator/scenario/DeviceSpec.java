package io.edgetwin.simulator.scenario;

/**
 * The caps a twin's container gets. {@code memorySwapBytes} is memory plus swap as Docker counts it:
 * equal to {@code memoryBytes} means no swap, the default. {@code pids} of 0 means no pids limit.
 */
public record DeviceSpec(long memoryBytes, long memorySwapBytes, double cpus, long pids) {

    public DeviceSpec {
        if (memoryBytes < 6L * 1024 * 1024) {
            throw new IllegalArgumentException("device.memory " + memoryBytes + " bytes is below Docker's minimum of 6m");
        }
        if (memorySwapBytes < memoryBytes) {
            throw new IllegalArgumentException("device memory+swap " + memorySwapBytes + " is below memory " + memoryBytes);
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("device.cpus " + cpus + " must be positive");
        }
        if (pids < 0) {
            throw new IllegalArgumentException("device.pids " + pids + " must not be negative");
        }
    }

    public long nanoCpus() {
        return Math.round(cpus * 1_000_000_000L);
    }
}
