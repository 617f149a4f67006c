package io.edgetwin.inference;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The held-out windows file, {@code samples.csv}: a header {@code label,v0,...,v<n-1>} and one
 * window per line, values written with {@link Float#toString} so they read back bit-exact.
 *
 * <p>The harness replays these lines as inference requests and checks the answers against the
 * labels, so the format is a contract: change it together with the reader on the harness side.
 */
public final class SamplesCsv {

    public static final String FILE_NAME = "samples.csv";

    private SamplesCsv() {}

    /** Writes {@code windows}, all of one length, to {@code file}. */
    public static void write(Path file, List<LabeledWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no windows to write to '" + file + "'");
        }
        int length = windows.get(0).samples().length;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(header(length));
            for (LabeledWindow window : windows) {
                out.write(line(window, length, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write samples '" + file + "'", e);
        }
    }

    /** Reads every window of {@code file}; a malformed line is named by its number. */
    public static List<LabeledWindow> read(Path file) {
        List<LabeledWindow> windows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("label,")) {
                throw new IllegalArgumentException("samples '" + file + "' lacks the header 'label,v0,...'");
            }
            int columns = header.split(",", -1).length;
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                windows.add(parse(line, columns, file, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read samples '" + file + "'", e);
        }
        return windows;
    }

    private static String header(int length) {
        StringBuilder header = new StringBuilder("label");
        for (int i = 0; i < length; i++) {
            header.append(",v").append(i);
        }
        return header.append('\n').toString();
    }

    private static String line(LabeledWindow window, int length, Path file) {
        float[] samples = window.samples();
        if (samples.length != length) {
            throw new IllegalArgumentException("samples '" + file + "': expected windows of " + length
                    + " samples; got " + samples.length);
        }
        StringBuilder line = new StringBuilder(window.label());
        for (float sample : samples) {
            line.append(',').append(sample);
        }
        return line.append('\n').toString();
    }

    private static LabeledWindow parse(String line, int columns, Path file, int lineNumber) {
        String[] fields = line.split(",", -1);
        if (fields.length != columns) {
            throw new IllegalArgumentException("samples '" + file + "' line " + lineNumber + ": expected "
                    + columns + " columns; got " + fields.length);
        }
        float[] samples = new float[columns - 1];
        try {
            for (int i = 1; i < columns; i++) {
                samples[i - 1] = Float.parseFloat(fields[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("samples '" + file + "' line " + lineNumber + ": " + e.getMessage(), e);
        }
        return new LabeledWindow(fields[0], samples);
    }
}
