package io.edgetwin.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * A whole HdrHistogram of latencies in nanoseconds, kept in report.json as HdrHistogram's compressed
 * encoding in base64, so percentiles can be re-derived later (and windows merged) instead of
 * trusting the summary. Refuses text that does not decode to a histogram.
 *
 * @param base64 {@code AbstractHistogram.encodeIntoCompressedByteBuffer} output, base64 encoded
 */
public record EncodedHistogram(@JsonValue String base64) {

    public EncodedHistogram {
        Objects.requireNonNull(base64, "histogram");
        decode(base64);
    }

    @JsonCreator
    public static EncodedHistogram parse(String base64) {
        return new EncodedHistogram(base64);
    }

    /** Encodes {@code histogram} (values in nanoseconds). */
    public static EncodedHistogram of(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return new EncodedHistogram(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
    }

    /** An empty histogram tracking values up to {@code highestNanos} at 3 significant digits. */
    public static EncodedHistogram empty(long highestNanos) {
        return of(new Histogram(highestNanos, 3));
    }

    /** A fresh copy of the histogram. */
    public Histogram histogram() {
        return decode(base64);
    }

    private static Histogram decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("histogram is not base64 (" + e.getMessage()
                    + "); expected an HdrHistogram's compressed encoding in base64", e);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("histogram does not decode (" + e.getMessage()
                    + "); expected an HdrHistogram's compressed encoding in base64", e);
        }
    }

    @Override
    public String toString() {
        return "EncodedHistogram[" + base64.length() + " base64 chars]";
    }
}
