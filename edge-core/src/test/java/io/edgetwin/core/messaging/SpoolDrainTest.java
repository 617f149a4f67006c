package io.edgetwin.core.messaging;

import static io.edgetwin.core.messaging.Spools.message;
import static io.edgetwin.core.messaging.Spools.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpoolDrainTest {

    private final Spooler spool = new Spooler(new MemoryStorage(), 1 << 20, true);
    private final FakeSender link = new FakeSender();
    private final SpoolDrain drain = new SpoolDrain(spool, link);

    @AfterEach
    void close() {
        drain.close();
        spool.close();
    }

    @Test
    void atMostFiveAreInFlightAndTheyGoInSpoolOrder() throws Exception {
        List<String> published = spoolMessages(20);

        drain.connected();
        Deque<FakeSender.Send> outstanding = new ArrayDeque<>();
        for (int i = 0; i < SpoolDrain.WINDOW; i++) {
            outstanding.add(link.next());
        }
        List<String> sent = new ArrayList<>();
        while (!outstanding.isEmpty()) {
            settle();
            assertEquals(0, link.pending(), "sent more while " + outstanding.size() + " were in flight");
            FakeSender.Send oldest = outstanding.poll();
            sent.add(oldest.payload);
            oldest.ack();
            if (sent.size() + outstanding.size() < published.size()) {
                outstanding.add(link.next());
            }
        }
        settle();

        assertEquals(published, sent);
        assertEquals(SpoolDrain.WINDOW, link.maxInFlight());
        assertTrue(spool.isEmpty());
        assertEquals(20, spool.counters().delivered());
    }

    @Test
    void aMessageLeavesTheSpoolOnlyWhenTheBrokerConfirmedIt() throws Exception {
        spoolMessages(3);
        drain.connected();
        FakeSender.Send first = link.next();
        link.next();
        link.next();
        settle();

        assertEquals(3, spool.counters().messages(), "sent, not yet confirmed");

        first.ack();
        settle();
        assertEquals(List.of("m-01/1", "m-02/1"), waiting(spool));
    }

    @Test
    void aFailedSendPausesTheDrainAndIsSentFirstOnTheNextConnection() throws Exception {
        spoolMessages(6);
        drain.connected();
        List<FakeSender.Send> inFlight = new ArrayList<>();
        for (int i = 0; i < SpoolDrain.WINDOW; i++) {
            inFlight.add(link.next());
        }

        inFlight.get(1).fail();
        settle();
        assertEquals(0, link.pending(), "after a failed send nothing more goes out on that connection");
        drain.disconnected();
        for (int i : List.of(0, 2, 3, 4)) {
            inFlight.get(i).ack();
        }
        settle();
        assertEquals(List.of("m-01/1", "m-05/1"), waiting(spool));
        assertEquals(0, link.pending(), "nothing is sent while the link is down");

        drain.connected();
        assertEquals("m-01", link.next().payload);
        assertEquals("m-05", link.next().payload);
    }

    @Test
    void aFailedSendOnALinkThatStaysUpIsRetriedFromTheOldestOnceTheOthersCompleted() throws Exception {
        try (SpoolDrain retrying = new SpoolDrain(spool, link, Duration.ZERO)) {
            spoolMessages(3);
            retrying.connected();
            FakeSender.Send first = link.next();
            FakeSender.Send second = link.next();
            FakeSender.Send third = link.next();

            first.fail();
            second.ack();
            third.ack();

            FakeSender.Send retried = link.next();
            assertEquals("m-00", retried.payload);
            retried.ack();
            retrying.settled().get(5, TimeUnit.SECONDS);
            assertTrue(spool.isEmpty());
        }
    }

    @Test
    void nothingIsSentWhileTheLinkIsDownAndEverythingOnceItIsUp() throws Exception {
        spoolMessages(2);
        drain.wake();
        settle();
        assertEquals(0, link.pending());

        drain.connected();
        assertEquals("m-00", link.next().payload);
        assertEquals("m-01", link.next().payload);
    }

    @Test
    void messagesSpooledWhileDrainingFollowInOrder() throws Exception {
        spoolMessages(1);
        drain.connected();
        FakeSender.Send first = link.next();

        spool.offer(message("late-0", 1), false);
        drain.wake();
        first.ack();

        assertEquals("late-0", link.next().payload);
    }

    @Test
    void aMessageIsGivenUpAfterOneHundredFailedSends() throws Exception {
        spoolMessages(1);
        for (int attempt = 1; attempt <= SpoolDrain.MAX_ATTEMPTS; attempt++) {
            drain.connected();
            FakeSender.Send send = link.next();
            drain.disconnected();
            send.fail();
            settle();
            assertEquals(attempt < SpoolDrain.MAX_ATTEMPTS ? 1 : 0, spool.counters().messages(), "after attempt " + attempt);
        }

        assertEquals(1, spool.counters().retriesExhausted());
        assertEquals(0, spool.counters().delivered());
    }

    private List<String> spoolMessages(int count) {
        List<String> payloads = IntStream.range(0, count).mapToObj(i -> String.format("m-%02d", i)).toList();
        payloads.forEach(p -> assertEquals(PublishOutcome.SPOOLED, spool.offer(message(p, 1), true)));
        return payloads;
    }

    private void settle() throws Exception {
        drain.settled().get(5, TimeUnit.SECONDS);
    }
}
