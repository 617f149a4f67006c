package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCsvTest {

    @TempDir
    Path dir;

    @Test
    void wholeNumbersAreWrittenWithoutAFraction() throws IOException {
        Path file = dir.resolve("samples.csv");

        SamplesCsv.write(file, List.of(new LabeledSample("ok", new float[] {12f, 0f, 255f})));

        assertEquals("label,v0,v1,v2\nok,12,0,255\n", Files.readString(file));
    }

    @Test
    void fractionsReadBackBitExact() {
        Path file = dir.resolve("samples.csv");
        List<LabeledSample> samples = List.of(
                new LabeledSample("normal", new float[] {0.1f, -1.2345678f, 3.0e-5f}),
                new LabeledSample("anomaly", new float[] {Float.MIN_VALUE, 1.5f, -0.7f}));

        SamplesCsv.write(file, samples);

        assertEquals(samples, SamplesCsv.read(file));
    }

    @Test
    void fileWithoutHeaderIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("samples.csv"), "ok,1,2\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SamplesCsv.read(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    }

    @Test
    void shortLineIsNamedByItsNumber() throws IOException {
        Path file = Files.writeString(dir.resolve("samples.csv"), "label,v0,v1\nok,1,2\nok,1\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SamplesCsv.read(file));

        assertTrue(refused.getMessage().contains("line 3: expected 3 columns; got 2"), refused.getMessage());
    }
}
