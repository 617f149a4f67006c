package io.edgetwin.core.messaging;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of one disk spool segment in order, checking each CRC. The first damaged record
 * (a header that does not fit the segment, a short read, a CRC mismatch) ends the segment: framing is
 * lost there, so the rest is dropped with a {@code spool-corrupt-record} warning.
 */
final class SegmentScan {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentScan.class);

    private SegmentScan() {
    }

    /** Adds the segment's live records from {@code start} to {@code records}; returns 1 if a damaged record ended it early. */
    static int scan(Path file, long segment, long start, List<SpoolStorage.Stored> records) {
        long size = file.toFile().length();
        long position = start;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(Math.min(start, size));
            while (position < size) {
                byte[] headerBytes = in.readNBytes(SpoolRecord.HEADER_BYTES);
                if (headerBytes.length < SpoolRecord.HEADER_BYTES) {
                    return corrupt(segment, position, size, "truncated header");
                }
                SpoolRecord.Header header = SpoolRecord.Header.of(headerBytes);
                if (!header.plausible(size - position)) {
                    return corrupt(segment, position, size, "implausible header");
                }
                int restBytes = (int) header.size() - SpoolRecord.HEADER_BYTES;
                byte[] rest = in.readNBytes(restBytes);
                if (rest.length < restBytes) {
                    return corrupt(segment, position, size, "truncated record");
                }
                if (SpoolRecord.decode(header, headerBytes, rest) == null) {
                    return corrupt(segment, position, size, "CRC mismatch");
                }
                if (!header.removed()) {
                    records.add(new SpoolStorage.Stored(DiskStorage.id(segment, position), header.qos(), header.payloadBytes()));
                }
                position += header.size();
            }
        } catch (IOException e) {
            return corrupt(segment, position, size, "unreadable: " + e);
        }
        return 0;
    }

    private static int corrupt(long segment, long position, long size, String reason) {
        LOG.warn("spool-corrupt-record segment={} position={} droppedBytes={} reason={}",
                segment, position, size - position, reason);
        return 1;
    }
}
