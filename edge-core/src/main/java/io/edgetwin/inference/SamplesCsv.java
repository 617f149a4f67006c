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
 * The held-out samples file, {@code samples.csv}: a header {@code label,v0,...,v<n-1>} and one
 * flattened input per line (a window, or an image row by row). Values are written with
 * {@link Float#toString} so they read back bit-exact, except whole numbers (an image's 8-bit
 * pixels), which are written as integers to keep image files small.
 *
 * <p>The harness replays these lines as inference requests and checks the answers against the
 * labels, so the format is a contract: change it together with the reader on the harness side.
 */
public final class SamplesCsv {

    public static final String FILE_NAME = "samples.csv";
    /** Whole numbers below this are exact as floats and written without a fraction. */
    private static final float WHOLE_NUMBER_LIMIT = 1 << 24;

    private SamplesCsv() {}

    /** Writes {@code samples}, all of one length, to {@code file}. */
    public static void write(Path file, List<LabeledSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to write to '" + file + "'");
        }
        int length = samples.get(0).length();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(header(length));
            for (LabeledSample sample : samples) {
                out.write(line(sample, length, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write samples '" + file + "'", e);
        }
    }

    /** Reads every sample of {@code file}; a malformed line is named by its number. */
    public static List<LabeledSample> read(Path file) {
        List<LabeledSample> samples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("label,")) {
                throw new IllegalArgumentException("samples '" + file + "' lacks the header 'label,v0,...'");
            }
            int columns = header.split(",", -1).length;
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                samples.add(parse(line, columns, file, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read samples '" + file + "'", e);
        }
        return samples;
    }

    private static String header(int length) {
        StringBuilder header = new StringBuilder("label");
        for (int i = 0; i < length; i++) {
            header.append(",v").append(i);
        }
        return header.append('\n').toString();
    }

    private static String line(LabeledSample sample, int length, Path file) {
        float[] values = sample.values();
        if (values.length != length) {
            throw new IllegalArgumentException("samples '" + file + "': expected " + length
                    + " values per line; got " + values.length);
        }
        StringBuilder line = new StringBuilder(sample.label());
        for (float value : values) {
            line.append(',');
            if (value == Math.rint(value) && Math.abs(value) < WHOLE_NUMBER_LIMIT) {
                line.append((int) value);
            } else {
                line.append(value);
            }
        }
        return line.append('\n').toString();
    }

    private static LabeledSample parse(String line, int columns, Path file, int lineNumber) {
        String[] fields = line.split(",", -1);
        if (fields.length != columns) {
            throw new IllegalArgumentException("samples '" + file + "' line " + lineNumber + ": expected "
                    + columns + " columns; got " + fields.length);
        }
        float[] values = new float[columns - 1];
        try {
            for (int i = 1; i < columns; i++) {
                values[i - 1] = Float.parseFloat(fields[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("samples '" + file + "' line " + lineNumber + ": " + e.getMessage(), e);
        }
        return new LabeledSample(fields[0], values);
    }
}
