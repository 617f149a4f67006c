package io.edgetwin.simulator.samples;

import io.edgetwin.simulator.load.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A user's samples as CSV: one flattened input per row. A header is optional; when its first column is
 * {@code label}, every row's first value is its label, otherwise rows are unlabelled. Every row must
 * have as many values as the first, each a finite number.
 */
public final class CsvSamples {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private CsvSamples() {
    }

    /** @throws IllegalArgumentException at {@code file:line:column} for a malformed row */
    public static List<Sample> read(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw new IllegalArgumentException(file + ":1: no samples; expected one flattened input per row,"
                        + " optionally after a header 'label,v0,v1,...'");
            }
            String[] header = first.split(",", -1);
            boolean labelled = header[0].strip().equals("label");
            boolean hasHeader = labelled || !isNumber(header[0]);
            int width = header.length - (labelled ? 1 : 0);
            int lineNumber = 1;
            if (!hasHeader) {
                samples.add(row(first, file, lineNumber, false, width));
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    samples.add(row(line, file, lineNumber, labelled, width));
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("samples file '" + file + "' does not exist", e);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(file + ": no samples after the header");
        }
        return samples;
    }

    private static Sample row(String line, Path file, int lineNumber, boolean labelled, int width) {
        String[] fields = line.split(",", -1);
        int values = fields.length - (labelled ? 1 : 0);
        if (values != width) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": " + values + " values; expected " + width
                    + " (as the first row" + (labelled ? ", after the label" : "") + ")");
        }
        StringBuilder json = new StringBuilder("[");
        int column = 1;
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (!(labelled && i == 0)) {
                if (!isNumber(field)) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ":" + column + ": '"
                            + (field.length() > 40 ? field.substring(0, 40) + "…" : field) + "' is not a number;"
                            + " expected float values (the model's input dtype is float32)");
                }
                json.append(json.length() > 1 ? "," : "").append(field);
            } else if (field.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ":1: empty label");
            }
            column += fields[i].length() + 1;
        }
        return new Sample(labelled ? fields[0].strip() : SampleSource.UNLABELLED, json.append(']').toString());
    }

    /** A JSON number (sent as written), which is also what Java's and NumPy's float formatting write. */
    private static boolean isNumber(String text) {
        return JSON_NUMBER.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
    }
}
