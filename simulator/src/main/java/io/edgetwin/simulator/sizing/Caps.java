package io.edgetwin.simulator.sizing;

import java.util.Locale;

/**
 * One candidate for a component's Greengrass {@code systemResourceLimits}: memory in KB (Greengrass's
 * unit) and CPU in cores.
 */
public record Caps(long memoryKb, double cpus) {

    public Caps {
        if (memoryKb <= 0) {
            throw new IllegalArgumentException("memory " + memoryKb + " KB must be positive");
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("cpus " + cpus + " must be positive");
        }
    }

    /** Memory as people write it: {@code 1g}, {@code 544m}, or {@code 70000k}. */
    public String memoryLabel() {
        return MemoryRange.label(memoryKb);
    }

    public String cpusLabel() {
        return CpuRange.label(cpus);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "memory %s, cpus %s", memoryLabel(), cpusLabel());
    }
}
