package io.edgetwin.simulator.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A recorded arrival trace (CSV): one arrival per line, its first column the offset from the start in
 * milliseconds (decimals allowed), ascending; an optional header line; further columns are ignored.
 */
public final class ReplayTrace {

    private ReplayTrace() {
    }

    /** The offsets in nanoseconds; a problem is an {@link IllegalArgumentException} naming {@code file:line}. */
    public static long[] read(Path csv) {
        long[] offsets = new long[1024];
        int count = 0;
        try (BufferedReader reader = Files.newBufferedReader(csv)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String first = line.split(",", 2)[0].trim();
                if (first.isEmpty() || (lineNumber == 1 && !first.matches("[0-9.]+"))) {
                    continue;
                }
                long offset = offsetNanos(csv, lineNumber, first);
                if (count > 0 && offset < offsets[count - 1]) {
                    throw new IllegalArgumentException(csv + ":" + lineNumber + ": offset " + first
                            + " ms comes before the previous line's " + offsets[count - 1] / 1e6
                            + " ms; expected timestamps in ascending order");
                }
                if (count == offsets.length) {
                    offsets = Arrays.copyOf(offsets, count * 2);
                }
                offsets[count++] = offset;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(csv + ": no such replay trace");
        } catch (IOException e) {
            throw new IllegalArgumentException(csv + ": cannot read: " + e.getMessage());
        }
        if (count == 0) {
            throw new IllegalArgumentException(csv + ": no arrivals; expected one offset in milliseconds per line");
        }
        return Arrays.copyOf(offsets, count);
    }

    private static long offsetNanos(Path csv, int line, String text) {
        try {
            double millis = Double.parseDouble(text);
            if (millis < 0 || Double.isNaN(millis)) {
                throw new NumberFormatException();
            }
            return Math.round(millis * 1e6);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(csv + ":" + line + ": '" + text
                    + "' is not an offset; expected milliseconds since the start, e.g. 12.5");
        }
    }
}
