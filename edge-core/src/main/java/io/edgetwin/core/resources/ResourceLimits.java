package io.edgetwin.core.resources;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Greengrass {@code systemResourceLimits} of one component: memory in kilobytes and CPU as a fraction of
 * the device's cores ({@code 2} on a 4-core device is half of it). Either may be absent.
 */
public record ResourceLimits(OptionalLong memoryKb, OptionalDouble cpus) {

    public static final ResourceLimits NONE = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty());

    public ResourceLimits {
        if (memoryKb.isPresent() && memoryKb.getAsLong() <= 0) {
            throw new IllegalArgumentException("systemResourceLimits.memory is " + memoryKb.getAsLong()
                    + " KB; expected a positive number of kilobytes");
        }
        if (cpus.isPresent() && !(cpus.getAsDouble() > 0)) {
            throw new IllegalArgumentException("systemResourceLimits.cpus is " + cpus.getAsDouble()
                    + "; expected a positive fraction of the cores");
        }
    }

    public boolean isEmpty() {
        return memoryKb.isEmpty() && cpus.isEmpty();
    }
}
