package io.edgetwin.core.messaging;

import static io.edgetwin.core.messaging.Spools.message;
import static io.edgetwin.core.messaging.Spools.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.messaging.SpoolSettings.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The spooler's rules (REFERENCE §5), the same for both storages. Payloads here are 10 bytes, the limit 30. */
class SpoolerTest {

    private static final boolean OFFLINE = true;
    private static final boolean ONLINE = false;

    @TempDir
    Path dir;

    private Spooler spool;

    @AfterEach
    void close() {
        if (spool != null) {
            spool.close();
        }
    }

    private Spooler spool(Storage storage, boolean keepQos0WhenOffline) {
        spool = Spools.spool(storage, dir, 30, keepQos0WhenOffline);
        return spool;
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void qos0PublishedWhileOfflineIsDroppedAndCounted(Storage storage) {
        Spooler spool = spool(storage, false);

        assertEquals(PublishOutcome.DROPPED_OFFLINE, spool.offer(message("status-001", 0), OFFLINE));

        assertEquals(List.of(), waiting(spool));
        assertEquals(1, spool.counters().droppedQos0());
        assertEquals(0, spool.counters().spooled());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void qos0PublishedWhileOfflineWaitsWhenKeepQos0WhenOffline(Storage storage) {
        Spooler spool = spool(storage, true);

        assertEquals(PublishOutcome.SPOOLED, spool.offer(message("status-001", 0), OFFLINE));

        assertEquals(List.of("status-001/0"), waiting(spool));
        assertEquals(0, spool.counters().droppedQos0());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void qos0BehindWaitingMessagesWhileOnlineIsSpooledNotDropped(Storage storage) {
        Spooler spool = spool(storage, false);
        spool.offer(message("reading-01", 1), OFFLINE);

        assertEquals(PublishOutcome.SPOOLED, spool.offer(message("status-001", 0), ONLINE));

        assertEquals(List.of("reading-01/1", "status-001/0"), waiting(spool));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void messagesWaitInPublishOrderAcrossBothQosLevels(Storage storage) {
        Spooler spool = spool(storage, true);
        for (String payload : List.of("a-00000000", "b-00000000", "c-00000000")) {
            spool.offer(message(payload, payload.startsWith("b") ? 0 : 1), OFFLINE);
        }

        assertEquals(List.of("a-00000000/1", "b-00000000/0", "c-00000000/1"), waiting(spool));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void whenFullTheOldestQos0MessagesAreEvictedFirst(Storage storage) {
        Spooler spool = spool(storage, true);
        spool.offer(message("q1-first-1", 1), OFFLINE);
        spool.offer(message("q0-older-1", 0), OFFLINE);
        spool.offer(message("q0-newer-1", 0), OFFLINE);

        assertEquals(PublishOutcome.SPOOLED, spool.offer(message("q1-latest1", 1), OFFLINE));

        assertEquals(List.of("q1-first-1/1", "q0-newer-1/0", "q1-latest1/1"), waiting(spool));
        assertEquals(1, spool.counters().droppedQos0());
        assertEquals(30, spool.counters().bytes());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void qos1MessagesAreNeverEvictedANewOneIsRefusedAndCounted(Storage storage) {
        Spooler spool = spool(storage, true);
        for (int i = 0; i < 3; i++) {
            spool.offer(message("reading-0" + i, 1), OFFLINE);
        }

        assertEquals(PublishOutcome.REFUSED_FULL, spool.offer(message("reading-03", 1), OFFLINE));
        assertEquals(PublishOutcome.REFUSED_FULL, spool.offer(message("status-001", 0), ONLINE));

        assertEquals(List.of("reading-00/1", "reading-01/1", "reading-02/1"), waiting(spool));
        assertEquals(1, spool.counters().refusedQos1());
        assertEquals(1, spool.counters().droppedQos0());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void noQos0IsEvictedForAMessageThatWouldNotFitEvenThen(Storage storage) {
        Spooler spool = spool(storage, true);
        spool.offer(message("reading-01", 1), OFFLINE);
        spool.offer(message("status-001", 0), OFFLINE);
        spool.offer(message("reading-02", 1), OFFLINE);

        assertEquals(PublishOutcome.REFUSED_FULL, spool.offer(message("a-reading-of-20-bytes", 1), OFFLINE));

        assertEquals(List.of("reading-01/1", "status-001/0", "reading-02/1"), waiting(spool));
        assertEquals(0, spool.counters().droppedQos0());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void aMessageLargerThanTheWholeSpoolIsRefusedIntoAnEmptySpool(Storage storage) {
        Spooler spool = spool(storage, true);

        assertEquals(PublishOutcome.REFUSED_FULL, spool.offer(message("x".repeat(31), 1), OFFLINE));

        assertTrue(spool.isEmpty());
        assertEquals(1, spool.counters().refusedQos1());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void onlyPayloadBytesCountAgainstTheLimit(Storage storage) {
        Spooler spool = spool(storage, true);
        String longTopic = "edgetwin/" + "a-very-long-topic-level/".repeat(10) + "x";

        for (int i = 0; i < 3; i++) {
            assertEquals(PublishOutcome.SPOOLED, spool.offer(new SpoolMessage(longTopic, new byte[10], 1), OFFLINE));
        }

        assertEquals(30, spool.counters().bytes());
        assertEquals(3, spool.counters().messages());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void aDeliveredMessageLeavesAndFreesItsBytes(Storage storage) {
        Spooler spool = spool(storage, true);
        spool.offer(message("reading-01", 1), OFFLINE);
        spool.offer(message("reading-02", 1), OFFLINE);
        long first = Spools.entries(spool).get(0).id();

        spool.delivered(first);

        assertEquals(List.of("reading-02/1"), waiting(spool));
        SpoolCounters counters = spool.counters();
        assertEquals(1, counters.delivered());
        assertEquals(10, counters.bytes());
        assertEquals(2, counters.spooled());
        assertFalse(spool.isEmpty());
    }
}
