package io.edgetwin.report;

/**
 * A component's {@code systemResourceLimits} as its deployment declared them (Greengrass units).
 *
 * @param memoryKb memory cap in KB (Greengrass's {@code memory}); {@code null} when not limited
 * @param cpus     CPU cap in cores (Greengrass's {@code cpus}); {@code null} when not limited
 */
public record ComponentLimits(Long memoryKb, Double cpus) {

    public ComponentLimits {
        if (memoryKb != null) {
            Checks.positive("limits.memoryKb", memoryKb);
        }
        if (cpus != null) {
            Checks.positive("limits.cpus", cpus);
        }
    }

    public static ComponentLimits unlimited() {
        return new ComponentLimits(null, null);
    }
}
