package io.edgetwin.simulator.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.simulator.load.Sample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's samples in each format become the same requests, and every malformed file is named. */
class SampleFilesTest {

    @TempDir
    Path dir;

    @Test
    void labelledCsvSendsTheValuesAfterTheLabel() throws IOException {
        Path csv = write("s.csv", "label,v0,v1,v2\nok,1,2.5,-3.0E-4\nscratch,0,0,255\n");

        assertEquals(List.of(new Sample("ok", "[1,2.5,-3.0E-4]"), new Sample("scratch", "[0,0,255]")), CsvSamples.read(csv));
    }

    @Test
    void csvWithoutHeaderIsUnlabelled() throws IOException {
        Path csv = write("s.csv", "1,2\n3,4\n");

        assertEquals(List.of(new Sample(SampleSource.UNLABELLED, "[1,2]"), new Sample(SampleSource.UNLABELLED, "[3,4]")),
                CsvSamples.read(csv));
    }

    @Test
    void csvRowOfAnotherWidthIsNamedByLine() throws IOException {
        Path csv = write("s.csv", "label,v0,v1\nok,1,2\nok,1\n");

        assertThat(refusal(() -> CsvSamples.read(csv))).isEqualTo(csv + ":3: 1 values; expected 2 (as the first row, after the label)");
    }

    @Test
    void csvValueThatIsNotANumberIsNamedByLineAndColumn() throws IOException {
        Path csv = write("s.csv", "label,v0,v1\nok,1,0x1F\n");

        assertThat(refusal(() -> CsvSamples.read(csv))).isEqualTo(csv + ":2:6: '0x1F' is not a number; expected float"
                + " values (the model's input dtype is float32)");
    }

    @Test
    void npyFloat32WithLabelsBecomesOneSamplePerRow() throws IOException {
        Path npy = npy("x.npy", "<f4", "(2, 1, 2)", 4, b -> b.putFloat(0.5f).putFloat(1f).putFloat(-2f).putFloat(3.25f));
        Path labels = write("labels.txt", "normal\nanomaly\n");

        assertEquals(List.of(new Sample("normal", "[0.5,1]"), new Sample("anomaly", "[-2,3.25]")), NpySamples.read(npy, labels));
    }

    @Test
    void npyUint8PixelsAreSentAsWholeNumbers() throws IOException {
        Path npy = npy("x.npy", "|u1", "(1, 3)", 1, b -> b.put((byte) 0).put((byte) 128).put((byte) 255));

        assertEquals(List.of(new Sample(SampleSource.UNLABELLED, "[0,128,255]")), NpySamples.read(npy, null));
    }

    @Test
    void npyOfAnUnservedDtypeIsRefusedWithTheServedOnes() throws IOException {
        Path npy = npy("x.npy", "<c8", "(1, 1)", 8, b -> b.putLong(0));

        assertThat(refusal(() -> NpySamples.read(npy, null))).contains("have dtype '<c8'; expected float32, float64, uint8");
    }

    @Test
    void truncatedNpyIsRefusedWithTheBytesItNeeds() throws IOException {
        Path npy = npy("x.npy", "<f4", "(2, 2)", 4, b -> b.putFloat(1).putFloat(2).putFloat(3));

        assertThat(refusal(() -> NpySamples.read(npy, null))).contains("hold 12 bytes of data; shape [2, 2] of 4-byte elements needs 16");
    }

    @Test
    void npyLabelsOfAnotherCountAreRefused() throws IOException {
        Path npy = npy("x.npy", "<f4", "(2, 1)", 4, b -> b.putFloat(1).putFloat(2));
        Path labels = write("labels.txt", "a\n");

        assertThat(refusal(() -> NpySamples.read(npy, labels))).contains("has 1 labels; expected 2, one per sample");
    }

    @Test
    void fileThatIsNotNpyIsNamed() throws IOException {
        Path npy = write("x.npy", "label,v0\n");

        assertThat(refusal(() -> NpySamples.read(npy, null))).contains("are not a NumPy .npy file");
    }

    @Test
    void imageFolderLabelsEachImageWithItsFolderAndSendsGrayscalePixelsRowByRow() throws IOException {
        png("ok/a.png", new int[][] {{0, 10}, {20, 30}});
        png("scratch/b.png", new int[][] {{255, 0}, {0, 255}});

        assertEquals(List.of(new Sample("ok", "[0,10,20,30]"), new Sample("scratch", "[255,0,0,255]")),
                ImageFolderSamples.read(dir));
    }

    @Test
    void imageFolderWithoutLabelFoldersIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("flat"));
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("flat/a.png").toFile());

        assertThat(refusal(() -> ImageFolderSamples.read(dir.resolve("flat")))).contains("has no label folders; expected"
                + " root/<label>/*.png|jpg");
    }

    @Test
    void imageOfAnotherSizeIsNamedWithTheFirstOnesSize() throws IOException {
        png("ok/a.png", new int[][] {{0, 10}, {20, 30}});
        png("ok/b.png", new int[][] {{0, 10, 20}});

        assertThat(refusal(() -> ImageFolderSamples.read(dir))).contains("b.png' is 3×1 with 1 channel (grayscale);"
                + " expected 2×2 with 1 channel (grayscale)");
    }

    @Test
    void fileThatIsNotAnImageIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("ok"));
        write("ok/a.png", "not a png");

        assertThat(refusal(() -> ImageFolderSamples.read(dir))).contains("a.png' cannot be decoded");
    }

    private interface Read {
        List<Sample> read() throws IOException;
    }

    private static String refusal(Read read) {
        return assertThrows(IllegalArgumentException.class, read::read).getMessage();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private interface Fill {
        void into(ByteBuffer buffer);
    }

    private Path npy(String name, String descr, String shape, int maxBytes, Fill fill) throws IOException {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(64 * maxBytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.into(data);
        ByteBuffer file = ByteBuffer.allocate(10 + header.length() + data.position()).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data.array(), 0, data.position());
        return Files.write(dir.resolve(name), file.array());
    }

    private void png(String name, int[][] rows) throws IOException {
        BufferedImage image = new BufferedImage(rows[0].length, rows.length, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length; x++) {
                image.getRaster().setSample(x, y, 0, rows[y][x]);
            }
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
