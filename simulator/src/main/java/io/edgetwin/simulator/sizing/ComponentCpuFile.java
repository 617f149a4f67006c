package io.edgetwin.simulator.sizing;

import io.edgetwin.simulator.measure.ContainerCgroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A component's cumulative CPU use read from the host: the core makes the component's cgroup
 * {@code edgetwin/<component>} inside its twin's container cgroup. cgroup v1: {@code cpuacct.usage} (ns) in the
 * container's cpuacct hierarchy; v2: {@code usage_usec} of {@code cpu.stat} (µs, turned into ns).
 */
final class ComponentCpuFile {

    private ComponentCpuFile() {
    }

    /** The component's cgroup directory inside {@code container}'s, in the hierarchy that counts CPU use. */
    static Path dir(ContainerCgroup container, String component) {
        Path base = container instanceof ContainerCgroup.V1 v1 ? v1.cpuacct() : ((ContainerCgroup.V2) container).dir();
        return base.resolve("edgetwin").resolve(component);
    }

    /**
     * The component's cumulative CPU use in whichever container {@code container} finds at the first look that finds
     * one (finding it asks Docker, so the directory is kept while its file is there, and looked for again after).
     */
    static Supplier<OptionalLong> following(Supplier<Optional<ContainerCgroup>> container, String component) {
        AtomicReference<Path> found = new AtomicReference<>();
        return () -> {
            Path dir = found.get();
            OptionalLong usage = dir == null ? OptionalLong.empty() : usageNanos(dir);
            if (usage.isEmpty()) {
                found.set(container.get().map(c -> dir(c, component)).orElse(null));
            }
            return usage;
        };
    }

    /** The cumulative CPU use in ns read from {@code dir}; empty when neither file is there or readable. */
    static OptionalLong usageNanos(Path dir) {
        try {
            Path v1 = dir.resolve("cpuacct.usage");
            if (Files.exists(v1)) {
                return OptionalLong.of(Long.parseLong(Files.readString(v1).trim()));
            }
            Path v2 = dir.resolve("cpu.stat");
            if (Files.exists(v2)) {
                for (String line : Files.readAllLines(v2)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 2 && parts[0].equals("usage_usec")) {
                        return OptionalLong.of(Long.parseLong(parts[1]) * 1000);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // A component restarting or a twin stopping removes the file between two readings: no reading now.
        }
        return OptionalLong.empty();
    }
}
