package io.edgetwin.core.resources;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Greengrass {@code systemResourceLimits} of one component: memory in kilobytes and CPU as a fraction of
 * the device's cores ({@code 2} on a 4-core device is half of it), plus an optional process limit
 * (beyond Greengrass). Any of them may be absent.
 */
public record ResourceLimits(OptionalLong memoryKb, OptionalDouble cpus, OptionalLong pids) {

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
        if (pids.isPresent() && pids.getAsLong() <= 0) {
            throw new IllegalArgumentException("systemResourceLimits.pids is " + pids.getAsLong()
                    + "; expected a positive process count");
        }
    }

    public ResourceLimits(OptionalLong memoryKb, OptionalDouble cpus) {
        this(memoryKb, cpus, OptionalLong.empty());
    }

    public boolean isEmpty() {
        return memoryKb.isEmpty() && cpus.isEmpty() && pids.isEmpty();
    }
}
