package io.edgetwin.simulator.samples;

import io.edgetwin.simulator.load.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's samples as a NumPy {@code .npy} file (format versions 1–3, C order): one input per index of
 * the first dimension, the other dimensions flattened row-major. Element types: {@code float32},
 * {@code float64}, {@code uint8}, {@code int8}, {@code int16}, {@code int32}, {@code int64}, either
 * byte order. Labels, when given, are a text file with one label per line, as many as inputs.
 */
public final class NpySamples {

    /** NumPy's type codes this reader takes, with their element sizes. */
    private static final Map<Character, List<Integer>> KINDS = Map.of('f', List.of(4, 8), 'u', List.of(1),
            'i', List.of(1, 2, 4, 8));
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])([0-9]+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([0-9,\\s]*)\\)");
    /** Larger arrays are not samples a harness sends; keep memory bounded. */
    static final long MAX_BYTES = 512L << 20;

    private NpySamples() {
    }

    /** @throws IllegalArgumentException naming the file and what was expected */
    public static List<Sample> read(Path file, Path labelsFile) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("samples '" + file + "' are " + Files.size(file) + " bytes; expected at most "
                        + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("samples file '" + file + "' does not exist", e);
        }
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("samples '" + file + "' are not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        if (major < 1 || major > 3 || headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException("samples '" + file + "': unsupported or truncated .npy header (version "
                    + major + "); expected versions 1 to 3");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        Layout layout = layout(file, header);
        int dataStart = headerStart + headerLength;
        long expected = layout.count() * layout.width() * layout.size();
        if (bytes.length - dataStart != expected) {
            throw new IllegalArgumentException("samples '" + file + "' hold " + (bytes.length - dataStart) + " bytes of data;"
                    + " shape " + layout.shapeText() + " of " + layout.size() + "-byte elements needs " + expected);
        }
        List<String> labels = labels(labelsFile, layout.count());
        buffer.order(layout.order()).position(dataStart);
        List<Sample> samples = new ArrayList<>((int) layout.count());
        for (int i = 0; i < layout.count(); i++) {
            StringBuilder json = new StringBuilder("[");
            for (int k = 0; k < layout.width(); k++) {
                json.append(k == 0 ? "" : ",").append(value(buffer, layout, file, i));
            }
            samples.add(new Sample(labels == null ? SampleSource.UNLABELLED : labels.get(i), json.append(']').toString()));
        }
        return samples;
    }

    private record Layout(ByteOrder order, char kind, int size, long count, long width, String shapeText) {
    }

    private static Layout layout(Path file, String header) {
        Matcher descr = DESCR.matcher(header);
        if (!descr.find() || !KINDS.containsKey(descr.group(2).charAt(0))
                || !KINDS.get(descr.group(2).charAt(0)).contains(Integer.parseInt(descr.group(3)))) {
            throw new IllegalArgumentException("samples '" + file + "' have dtype " + (descr.find(0) ? "'" + descr.group(0)
                    .replaceAll(".*'([^']*)'$", "$1") + "'" : "(none)") + "; expected float32, float64, uint8, int8, int16,"
                    + " int32 or int64 numbers");
        }
        Matcher fortran = FORTRAN.matcher(header);
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IllegalArgumentException("samples '" + file + "' are in Fortran order; expected C order"
                    + " (numpy.ascontiguousarray before numpy.save)");
        }
        Matcher shape = SHAPE.matcher(header);
        long[] dims = shape.find() ? Arrays.stream(shape.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray() : new long[0];
        if (dims.length < 2 || dims[0] == 0) {
            throw new IllegalArgumentException("samples '" + file + "' have shape " + (shape.find(0) ? "(" + shape.group(1) + ")"
                    : "(none)") + "; expected (samples, ...input shape), at least one sample of at least one value");
        }
        long width = Arrays.stream(dims).skip(1).reduce(1, Math::multiplyExact);
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new Layout(order, descr.group(2).charAt(0), Integer.parseInt(descr.group(3)), dims[0], width,
                Arrays.toString(dims));
    }

    private static String value(ByteBuffer buffer, Layout layout, Path file, int index) {
        double value = switch (layout.kind()) {
            case 'f' -> layout.size() == 4 ? buffer.getFloat() : buffer.getDouble();
            case 'u' -> Byte.toUnsignedInt(buffer.get());
            default -> switch (layout.size()) {
                case 1 -> buffer.get();
                case 2 -> buffer.getShort();
                case 4 -> buffer.getInt();
                default -> buffer.getLong();
            };
        };
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("samples '" + file + "': sample " + index + " holds " + value
                    + "; expected finite numbers");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return layout.size() == 4 && layout.kind() == 'f' ? Float.toString((float) value) : Double.toString(value);
    }

    private static List<String> labels(Path labelsFile, long count) throws IOException {
        if (labelsFile == null) {
            return null;
        }
        List<String> labels;
        try {
            labels = Files.readAllLines(labelsFile).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("labels file '" + labelsFile + "' does not exist", e);
        }
        if (labels.size() != count) {
            throw new IllegalArgumentException("labels file '" + labelsFile + "' has " + labels.size() + " labels; expected "
                    + count + ", one per sample, one per line");
        }
        return labels;
    }
}
