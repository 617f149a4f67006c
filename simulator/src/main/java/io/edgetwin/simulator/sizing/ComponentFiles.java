package io.edgetwin.simulator.sizing;

import io.edgetwin.simulator.measure.ContainerCgroup;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A component's cgroup files read from the host: the core makes the component's cgroup {@code edgetwin/<component>}
 * inside its twin's container cgroup, and {@link ContainerCgroup} reads it in either cgroup version (its cumulative
 * CPU use, its anonymous resident memory).
 */
final class ComponentFiles {

    /** One figure of a cgroup. */
    @FunctionalInterface
    interface Figure {
        long read(ContainerCgroup cgroup) throws IOException;
    }

    private ComponentFiles() {
    }

    /** The component's cgroup inside {@code container}'s. */
    static ContainerCgroup of(ContainerCgroup container, String component) {
        return container.child("edgetwin").child(component);
    }

    /**
     * {@code figure} of the component's cgroup in whichever container {@code container} finds at the first look that
     * finds one (finding it asks Docker, so the cgroup is kept while it can be read, and looked for again after).
     */
    static Supplier<OptionalLong> following(Supplier<Optional<ContainerCgroup>> container, String component, Figure figure) {
        AtomicReference<ContainerCgroup> found = new AtomicReference<>();
        return () -> {
            ContainerCgroup cgroup = found.get();
            OptionalLong value = cgroup == null ? OptionalLong.empty() : read(cgroup, figure);
            if (value.isEmpty()) {
                found.set(container.get().map(c -> of(c, component)).orElse(null));
            }
            return value;
        };
    }

    /** {@code figure} of {@code cgroup}; empty when it is not there or not readable. */
    static OptionalLong read(ContainerCgroup cgroup, Figure figure) {
        try {
            return OptionalLong.of(figure.read(cgroup));
        } catch (IOException | NumberFormatException e) {
            // A component restarting or a twin stopping removes the file between two readings: no reading now.
            return OptionalLong.empty();
        }
    }
}
