package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgetwin.core.messaging.SpoolSettings.Storage;
import io.edgetwin.mqtt.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link and its spool against a real Mosquitto that goes away and comes back. The subscriber keeps a
 * persistent session (and the broker persists it across the restart), so it misses nothing that arrives
 * before it has reconnected itself.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CloudLinkSpoolTest {

    private static final String TOPIC = "edgetwin/dev-1/data";

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private MqttAsyncClient subscriber;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> links = new ArrayList<>();

    @BeforeEach
    void startBrokerAndSubscriber() throws Exception {
        assumeTrue(MosquittoBroker.installed(), "needs Mosquitto at " + MosquittoBroker.BINARY);
        broker = new MosquittoBroker(dir.resolve("broker"));
        broker.start();
        subscriber = CloudSubscriber.persistent(broker, "spool-test-subscriber", TOPIC, received::add);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable link : links) {
            link.close();
        }
        if (subscriber != null) {
            subscriber.disconnectForcibly(0, 1_000, false);
            subscriber.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void qos1PublishedWhileTheBrokerIsDownArrivesOnceAndInOrderWhenItIsBack() throws Exception {
        CloudLink link = connectedLink(Storage.DISK);
        // QoS 0: a QoS 1 probe whose PUBACK is still on its way when the broker stops is spooled again (at least once)
        assertEquals(PublishOutcome.SENT, link.offer(message("online", 0)));
        assertEquals("online", next());

        brokerDown(link);
        List<String> offline = IntStream.range(0, 200).mapToObj(i -> "offline-" + i).toList();
        for (String payload : offline) {
            assertEquals(PublishOutcome.SPOOLED, link.offer(message(payload, 1)));
        }
        assertEquals(200, link.spoolCounters().messages());
        broker.start();
        link.offer(message("end", 1));

        List<String> arrived = untilEnd();
        List<String> expected = new ArrayList<>(offline);
        expected.add("end");
        assertEquals(expected, arrived);
        Conditions.await(Duration.ofSeconds(10), () -> link.spoolCounters().messages() == 0, "the spool to empty");
        assertEquals(201, link.spoolCounters().delivered());
    }

    @Test
    void qos0PublishedWhileTheBrokerIsDownIsDroppedAndCountedQos1IsKept() throws Exception {
        CloudLink link = connectedLink(Storage.MEMORY);

        brokerDown(link);
        assertEquals(PublishOutcome.DROPPED_OFFLINE, link.offer(message("status", 0)));
        assertEquals(PublishOutcome.SPOOLED, link.offer(message("reading", 1)));
        broker.start();
        link.offer(message("end", 1));

        assertEquals(List.of("reading", "end"), untilEnd());
        assertEquals(1, link.spoolCounters().droppedQos0());
    }

    @Test
    void aRestartedCoreSendsWhatItsDiskSpoolHeld() throws Exception {
        CloudLink before = connectedLink(Storage.DISK);
        brokerDown(before);
        for (int i = 0; i < 50; i++) {
            assertEquals(PublishOutcome.SPOOLED, before.offer(message("kept-" + i, 1)));
        }
        before.close();

        broker.start();
        CloudLink after = connectedLink(Storage.DISK);
        after.offer(message("end", 1));

        List<String> expected = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> "kept-" + i).toList());
        expected.add("end");
        assertEquals(expected, untilEnd());
    }

    private CloudLink connectedLink(Storage storage) throws Exception {
        SpoolSettings settings = new SpoolSettings(storage, SpoolSettings.DEFAULT_MAX_SIZE_IN_BYTES, false, dir.resolve("spool"));
        CloudLink link = new CloudLink(broker.uri(), "dev-1", Spooler.open(settings));
        links.add(link);
        link.connect(Duration.ofSeconds(10));
        return link;
    }

    private void brokerDown(CloudLink link) throws InterruptedException {
        broker.stop();
        Conditions.await(Duration.ofSeconds(10), () -> !link.isConnected() && !subscriber.isConnected(), "both clients to see the broker gone");
    }

    private String next() throws InterruptedException {
        String payload = received.poll(30, TimeUnit.SECONDS);
        assertNotNull(payload, "nothing arrived within 30 s; arrived so far: " + received);
        return payload;
    }

    /** Everything that arrives up to and including "end". */
    private List<String> untilEnd() throws InterruptedException {
        List<String> arrived = new ArrayList<>();
        do {
            arrived.add(next());
        } while (!arrived.get(arrived.size() - 1).equals("end"));
        return arrived;
    }

    private static SpoolMessage message(String payload, int qos) {
        return new SpoolMessage(TOPIC, payload.getBytes(UTF_8), qos);
    }
}
