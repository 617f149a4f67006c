package io.edgetwin.simulator.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The held-out windows the model pipeline writes beside each model ({@code samples.csv}: a header
 * {@code label,v0,...,v<n-1>}, then one labelled window per line). The harness sends them as requests
 * and checks the answers against the labels.
 */
public final class Samples {

    private Samples() {
    }

    public static List<Sample> read(Path csv) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("label,")) {
                throw new IOException(csv + ":1: expected a header 'label,v0,...'");
            }
            int columns = header.split(",").length;
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int comma = line.indexOf(',');
                if (comma < 0 || line.split(",").length != columns) {
                    throw new IOException(csv + ":" + lineNumber + ": expected " + columns + " comma-separated values");
                }
                samples.add(new Sample(line.substring(0, comma), "[" + line.substring(comma + 1) + "]"));
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(csv + " (samples of the model; built by `mvn -q -DskipTests package`)");
        }
        if (samples.isEmpty()) {
            throw new IOException(csv + ": no samples");
        }
        return samples;
    }
}
