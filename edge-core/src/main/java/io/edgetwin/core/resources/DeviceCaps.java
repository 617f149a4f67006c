package io.edgetwin.core.resources;

/**
 * The caps the twin's container really got, read back from its own cgroup. A value of {@code -1} means
 * the controller reports no limit.
 */
public record DeviceCaps(long memoryBytes, long memorySwapBytes, double cpus, long pids) {

    public static final long UNLIMITED = -1;
}
