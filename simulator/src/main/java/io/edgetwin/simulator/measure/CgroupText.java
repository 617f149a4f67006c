package io.edgetwin.simulator.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads cgroup files; every failure is an {@link IOException} whose message names the file and what was wrong. */
final class CgroupText {

    private CgroupText() {
    }

    static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IOException("file unreadable: " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    static long number(Path file) throws IOException {
        return parse(file, read(file).trim());
    }

    static long parse(Path file, String text) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("file unreadable: " + file + " holds '" + shortened(text) + "'; expected a whole number", e);
        }
    }

    /** The value of {@code key} in a "key value" per line file; 0 when the kernel does not have it. */
    static long field(String text, String key) {
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return Long.parseLong(parts[1]);
            }
        }
        return 0;
    }

    /** {@code quota} -1 means no CPU cap; {@code memory} {@link Long#MAX_VALUE} or above 2^62 means no memory cap. */
    static String caps(long memory, long quota, long period) {
        String memoryCap = memory >= 1L << 62 ? "unlimited" : memory + " B";
        return "memory " + memoryCap + ", cpus " + (quota <= 0 ? "unlimited" : Double.toString((double) quota / period));
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
