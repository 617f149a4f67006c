package io.edgetwin.core.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes cgroup control files, with errors that name the file and the value. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    static void write(Path file, String value) {
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new EnforcementException("cannot write '" + value + "' to " + file + ": " + e.getMessage(), e);
        }
    }

    static long number(Path file) {
        String text = text(file);
        return text.equals("max") ? Long.MAX_VALUE : Long.parseLong(text);
    }

    static long numberOr(Path file, long absent) {
        return Files.exists(file) ? number(file) : absent;
    }

    /** The value of {@code key} in a flat-keyed file ({@code memory.stat}, {@code cpu.stat}, {@code memory.events}). */
    static long keyed(Path file, String key) {
        if (!Files.exists(file)) {
            return 0;
        }
        for (String line : text(file).split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.regionMatches(0, key, 0, key.length()) && space == key.length()) {
                return Long.parseLong(line.substring(space + 1).trim());
            }
        }
        return 0;
    }

    static String text(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new EnforcementException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EnforcementException("cannot create cgroup " + dir + ": " + e.getMessage(), e);
        }
    }

    static void removeDirectory(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A cgroup with a process still in it cannot be removed; it goes when the twin goes.
        }
    }
}
