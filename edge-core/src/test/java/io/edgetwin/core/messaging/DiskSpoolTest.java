package io.edgetwin.core.messaging;

import static io.edgetwin.core.messaging.Spools.message;
import static io.edgetwin.core.messaging.Spools.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk storage across restarts: segments, offset, CRC and the lazy recovery. */
class DiskSpoolTest {

    /** Room for two of the test records (11 bytes of header and CRC, 19 of topic, 10 of payload). */
    private static final long TWO_RECORDS = 80;

    @TempDir
    Path dir;

    @Test
    void aReopenedSpoolHoldsTheSameMessagesInOrder() throws IOException {
        List<String> published = new ArrayList<>();
        try (Spooler spool = Spools.disk(dir, TWO_RECORDS)) {
            for (int i = 0; i < 7; i++) {
                String payload = "reading-0" + i;
                spool.offer(message(payload, i % 3 == 0 ? 0 : 1), false);
                published.add(payload + "/" + (i % 3 == 0 ? 0 : 1));
            }
        }
        assertEquals(4, segments().size(), "7 records, two to a segment");

        try (Spooler reopened = Spools.disk(dir, TWO_RECORDS)) {
            assertEquals(published, waiting(reopened));
        }
    }

    @Test
    void deliveredAndEvictedMessagesStayGoneAfterReopen() throws IOException {
        try (Spooler spool = new Spooler(DiskStorage.open(dir, TWO_RECORDS), 30, true)) {
            spool.offer(message("reading-00", 1), true);
            spool.offer(message("reading-01", 1), true);
            spool.offer(message("status-002", 0), true);
            spool.delivered(idOf(spool, "reading-00"));
            spool.offer(message("reading-03", 1), true);
            spool.delivered(idOf(spool, "reading-03")); // leaves from mid-spool
            spool.offer(message("reading-04", 1), true);
            spool.offer(message("reading-05", 1), true); // full: evicts status-002 from mid-spool
            assertEquals(List.of("reading-01/1", "reading-04/1", "reading-05/1"), waiting(spool));
        }

        try (Spooler reopened = new Spooler(DiskStorage.open(dir, TWO_RECORDS), 30, true)) {
            assertEquals(List.of("reading-01/1", "reading-04/1", "reading-05/1"), waiting(reopened));
        }
    }

    @Test
    void aTornTailRecordIsDroppedWithAWarningAndTheSpoolGoesOn() throws IOException {
        try (Spooler spool = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            for (int i = 0; i < 3; i++) {
                spool.offer(message("reading-0" + i, 1), true);
            }
        }
        Path segment = segments().get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 3); // killed in the middle of writing the third record
        }

        try (Spooler reopened = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            assertEquals(List.of("reading-00/1", "reading-01/1"), waiting(reopened));
            assertEquals(1, reopened.counters().corrupt());
            reopened.offer(message("reading-03", 1), true);
        }

        try (Spooler again = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            assertEquals(List.of("reading-00/1", "reading-01/1", "reading-03/1"), waiting(again),
                    "what came after the torn record went to a new segment, so it is still readable");
        }
    }

    @Test
    void aFlippedPayloadByteFailsTheCrcAndDropsTheRestOfItsSegment() throws IOException {
        try (Spooler spool = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            for (int i = 0; i < 3; i++) {
                spool.offer(message("reading-0" + i, 1), true);
            }
        }
        Path segment = segments().get(0);
        long recordBytes = Files.size(segment) / 3;
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long payloadByte = recordBytes + recordBytes - 4 - 1; // last payload byte of the second record
            file.seek(payloadByte);
            int original = file.read();
            file.seek(payloadByte);
            file.write(original ^ 0x01);
        }

        try (Spooler reopened = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            assertEquals(List.of("reading-00/1"), waiting(reopened));
            assertEquals(1, reopened.counters().corrupt());
        }
    }

    @Test
    void openingReadsNoRecordsDamageIsFoundOnlyWhenTheDrainReadsThem() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.createDirectories(dir);
        Files.write(dir.resolve("00000000000000000001.seg"), garbage);

        try (Spooler spool = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            SpoolCounters opened = spool.counters();
            assertEquals(0, opened.corrupt(), "open did not parse the segment");
            assertEquals(4096, opened.bytes(), "until it is read, the segment's size counts against the limit");
            assertFalse(spool.isEmpty(), "unread records keep later publishes behind them");

            assertEquals(List.of(), waiting(spool));

            assertEquals(1, spool.counters().corrupt());
            assertEquals(0, spool.counters().bytes());
            assertTrue(spool.isEmpty());
        }
    }

    @Test
    void messagesSpooledBeforeRecoveryComeAfterThoseOfThePreviousRun() throws IOException {
        try (Spooler spool = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            spool.offer(message("previous-0", 1), true);
            spool.offer(message("previous-1", 1), true);
        }

        try (Spooler reopened = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            reopened.offer(message("this-run-0", 1), true);

            assertEquals(List.of("previous-0/1", "previous-1/1", "this-run-0/1"), waiting(reopened));
        }
    }

    @Test
    void fullyConsumedSegmentsAreDeleted() throws IOException {
        try (Spooler spool = Spools.disk(dir, TWO_RECORDS)) {
            for (int i = 0; i < 6; i++) {
                spool.offer(message("reading-0" + i, 1), true);
            }
            List<SpooledMessage> waiting = Spools.entries(spool);
            List<Path> written = segments();
            assertEquals(3, written.size());

            spool.delivered(waiting.get(0).id());
            assertEquals(written, segments(), "half of the first segment is still waiting");
            spool.delivered(waiting.get(1).id());
            assertEquals(written.subList(1, 3), segments());
            for (SpooledMessage rest : waiting.subList(2, 6)) {
                spool.delivered(rest.id());
            }
            assertEquals(written.subList(2, 3), segments(), "the segment being written to stays");
            assertTrue(spool.isEmpty());
        }
    }

    @Test
    void outOfOrderDeliveriesDeleteASegmentOnlyOnceEverythingInItIsGone() throws IOException {
        try (Spooler spool = Spools.disk(dir, TWO_RECORDS)) {
            for (int i = 0; i < 4; i++) {
                spool.offer(message("reading-0" + i, 1), true);
            }
            List<SpooledMessage> waiting = Spools.entries(spool);
            List<Path> written = segments();

            spool.delivered(waiting.get(1).id());
            spool.delivered(waiting.get(2).id());
            assertEquals(written, segments());

            spool.delivered(waiting.get(0).id());
            assertEquals(written.subList(1, 2), segments());
            assertEquals(List.of("reading-03/1"), waiting(spool));
        }
    }

    @Test
    void aDamagedOffsetFileReplaysFromTheOldestSegmentRatherThanLoseMessages() throws IOException {
        try (Spooler spool = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            spool.offer(message("reading-00", 1), true);
            spool.offer(message("reading-01", 1), true);
            spool.delivered(Spools.entries(spool).get(0).id());
        }
        Files.write(dir.resolve("offset"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

        try (Spooler reopened = Spools.disk(dir, DiskStorage.DEFAULT_SEGMENT_BYTES)) {
            assertEquals(List.of("reading-00/1", "reading-01/1"), waiting(reopened));
        }
    }

    private static long idOf(Spooler spool, String payload) {
        return Spools.entries(spool).stream()
                .filter(m -> new String(m.message().payload(), java.nio.charset.StandardCharsets.UTF_8).equals(payload))
                .findFirst().orElseThrow().id();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
