package io.edgetwin.simulator.broker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's client against a real Mosquitto that is stopped and started again, as a broker outage
 * does: it redials on its own, subscribes again and notes when it was back. The time from the broker
 * listening again to the client connected is printed (docs/performance.md keeps the figures), not
 * asserted: a busy host may stretch it.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokerClientRedialTest {

    @TempDir
    Path dir;

    private Mosquitto broker;
    private BrokerClient client;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startBrokerAndClient() throws Exception {
        assumeTrue(List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto").stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p))), "needs Mosquitto installed");
        broker = Mosquitto.start(dir, Duration.ofSeconds(10));
        client = new BrokerClient(broker.uri(), "redial-test", false);
        client.subscribe("redial/#", 1, (topic, payload) -> received.add(new String(payload, UTF_8)));
    }

    @AfterEach
    void stopAll() {
        if (client != null) {
            client.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void afterEachOutageTheClientIsBackWithItsSubscriptionAndSaysWhen() throws Exception {
        List<Long> afterMs = new ArrayList<>();
        for (int outage = 1; outage <= 5; outage++) {
            broker.close();
            awaitDisconnected();
            long restarting = System.nanoTime();
            broker.restart(Duration.ofSeconds(10));
            long listening = System.nanoTime();

            assertTrue(client.awaitConnected(Duration.ofSeconds(10)), "connected again after outage " + outage);
            OptionalLong connected = client.connectedSince(restarting);
            assertThat(connected).as("the moment it was back is noted").isPresent();
            afterMs.add(Math.max(0, TimeUnit.NANOSECONDS.toMillis(connected.getAsLong() - listening)));
            try (BrokerClient other = new BrokerClient(broker.uri(), "redial-test-publisher")) {
                other.publish("redial/" + outage, ("after outage " + outage).getBytes(UTF_8), 1);
            }
            assertEquals("after outage " + outage, nextNewMessage(outage), "subscribed again");
        }
        System.out.println("harness client connected again " + afterMs + " ms after the broker listened again"
                + " (redial every " + BrokerClient.REDIAL_INTERVAL.toMillis() + " ms)");
    }

    /**
     * The next message that is not a repeat of an earlier outage's: QoS 1 is at least once, and a message
     * whose acknowledgement the broker had not read when it stopped comes again after its restart.
     */
    private String nextNewMessage(int outage) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String message = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null || !isEarlierOutage(message, outage)) {
                return message;
            }
        }
    }

    private static boolean isEarlierOutage(String message, int outage) {
        for (int earlier = 1; earlier < outage; earlier++) {
            if (message.equals("after outage " + earlier)) {
                return true;
            }
        }
        return false;
    }

    private void awaitDisconnected() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.isConnected()) {
            assertTrue(System.nanoTime() < deadline, "the client did not see the broker go within 10 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
