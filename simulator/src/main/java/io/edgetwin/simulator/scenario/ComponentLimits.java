package io.edgetwin.simulator.scenario;

/**
 * A component's Greengrass {@code systemResourceLimits} for one variant: memory in KB, CPU as a fraction
 * of the device's cores. Null means "not set".
 */
public record ComponentLimits(Long memoryKb, Double cpus) {

    public ComponentLimits {
        if (memoryKb != null && memoryKb <= 0) {
            throw new IllegalArgumentException("memory " + memoryKb + " KB must be positive");
        }
        if (cpus != null && !(cpus > 0)) {
            throw new IllegalArgumentException("cpus " + cpus + " must be positive");
        }
    }
}
