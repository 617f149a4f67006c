package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgetwin.core.messaging.SpoolSettings.Storage;
import io.edgetwin.mqtt.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The link against a real Mosquitto that goes away and comes back: it redials, subscribes again and says so. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CloudLinkRedialTest {

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private CloudLink link;
    private MqttAsyncClient cloud;
    private final BlockingQueue<String> announcements = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

    @BeforeEach
    void startBrokerLinkAndCloudSide() throws Exception {
        assumeTrue(MosquittoBroker.installed(), "needs Mosquitto at " + MosquittoBroker.BINARY);
        broker = new MosquittoBroker(dir.resolve("broker"));
        broker.start();
        cloud = CloudSubscriber.persistent(broker, "redial-test-cloud", "edgetwin/dev-1/connection", announcements::add);
        SpoolSettings settings = new SpoolSettings(Storage.MEMORY, SpoolSettings.DEFAULT_MAX_SIZE_IN_BYTES, false, dir.resolve("spool"));
        link = new CloudLink(broker.uri(), "dev-1", Spooler.open(settings));
        link.connect(Duration.ofSeconds(10));
        link.subscribe("edgetwin/dev-1/inbox", (topic, payload) -> delivered.add(new String(payload, UTF_8)));
    }

    @AfterEach
    void stopAll() throws Exception {
        if (link != null) {
            link.close();
        }
        if (cloud != null) {
            cloud.disconnectForcibly(0, 1_000, false);
            cloud.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theLinkAnnouncesItsFirstConnection() throws Exception {
        String first = nextAnnouncement();

        assertThat(first).contains("\"thing\":\"dev-1\"", "\"connected\":true", "\"reconnect\":false", "\"timestamp\":\"");
    }

    @Test
    void afterAnOutageTheLinkRedialsSubscribesAgainAndAnnouncesTheReconnect() throws Exception {
        nextAnnouncement();
        broker.stop();
        Conditions.await(Duration.ofSeconds(10), () -> !link.isConnected(), "the link to see the broker gone");

        broker.start();
        java.time.Instant listening = java.time.Instant.now();
        String again = nextAnnouncement();

        assertThat(again).contains("\"reconnect\":true", "\"offlineMs\":");
        java.time.Instant connected = java.time.Instant.parse(again.replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1"));
        System.out.println("core link connected again " + Duration.between(listening, connected).toMillis()
                + " ms after the broker listened again (redial every " + CloudLink.REDIAL_INTERVAL.toMillis() + " ms)");
        Conditions.await(Duration.ofSeconds(10), cloud::isConnected, "the cloud side to reconnect");
        cloud.publish("edgetwin/dev-1/inbox", "after the outage".getBytes(UTF_8), 1, false).waitForCompletion(5_000);
        assertEquals("after the outage", delivered.poll(10, TimeUnit.SECONDS), "the link subscribed again");
    }

    private String nextAnnouncement() throws InterruptedException {
        String payload = announcements.poll(20, TimeUnit.SECONDS);
        assertNotNull(payload, "no connection announcement within 20 s");
        return payload;
    }

}
