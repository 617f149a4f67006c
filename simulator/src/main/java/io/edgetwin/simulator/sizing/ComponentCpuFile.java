package io.edgetwin.simulator.sizing;

import io.edgetwin.simulator.measure.ContainerCgroup;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A component's cumulative CPU use read from the host: the core makes the component's cgroup
 * {@code edgetwin/<component>} inside its twin's container cgroup ({@link ContainerCgroup#cpuUsageNanos} reads it
 * in either cgroup version).
 */
final class ComponentCpuFile {

    private ComponentCpuFile() {
    }

    /** The component's cgroup inside {@code container}'s. */
    static ContainerCgroup of(ContainerCgroup container, String component) {
        return container.child("edgetwin").child(component);
    }

    /**
     * The component's cumulative CPU use in whichever container {@code container} finds at the first look that finds
     * one (finding it asks Docker, so the cgroup is kept while it can be read, and looked for again after).
     */
    static Supplier<OptionalLong> following(Supplier<Optional<ContainerCgroup>> container, String component) {
        AtomicReference<ContainerCgroup> found = new AtomicReference<>();
        return () -> {
            ContainerCgroup cgroup = found.get();
            OptionalLong usage = cgroup == null ? OptionalLong.empty() : usageNanos(cgroup);
            if (usage.isEmpty()) {
                found.set(container.get().map(c -> of(c, component)).orElse(null));
            }
            return usage;
        };
    }

    /** The cumulative CPU use in ns of {@code cgroup}; empty when it is not there or not readable. */
    static OptionalLong usageNanos(ContainerCgroup cgroup) {
        try {
            return OptionalLong.of(cgroup.cpuUsageNanos());
        } catch (IOException | NumberFormatException e) {
            // A component restarting or a twin stopping removes the file between two readings: no reading now.
            return OptionalLong.empty();
        }
    }
}
