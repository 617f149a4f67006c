package io.edgetwin.simulator.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cumulative pressure stall information ({@code /proc/pressure/cpu|memory|io}, Linux 4.20+): the
 * {@code some} line's {@code total=}, microseconds in which at least one task waited for the resource.
 * A field is {@code null} when the kernel has no PSI (or it is disabled); {@code /proc/stat}'s iowait
 * stands in for I/O then.
 */
public record Pressure(Long cpuMicros, Long memoryMicros, Long ioMicros) {

    /** Reads the three files under {@code procRoot}/pressure. */
    public static Pressure read(Path procRoot) {
        Path dir = procRoot.resolve("pressure");
        return new Pressure(some(dir.resolve("cpu")), some(dir.resolve("memory")), some(dir.resolve("io")));
    }

    /** The {@code some} line's total, or null when the file is missing or unreadable. */
    static Long some(Path file) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("some ")) {
                    for (String field : line.split("\\s+")) {
                        if (field.startsWith("total=")) {
                            return Long.parseLong(field.substring("total=".length()));
                        }
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
