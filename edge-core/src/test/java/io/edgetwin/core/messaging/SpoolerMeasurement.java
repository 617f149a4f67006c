package io.edgetwin.core.messaging;

import io.edgetwin.mqtt.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The numbers in docs/performance.md, "Spooler" (not a test: run by hand, see there). Spools 30,000 QoS 1
 * messages of 64 bytes into a disk spool, then times opening it again, reading its records, and draining
 * it into a real Mosquitto until a subscriber has every message.
 */
final class SpoolerMeasurement {

    private static final int MESSAGES = 30_000;
    private static final String TOPIC = "edgetwin/dev-1/data";

    private SpoolerMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("spooler-measurement");
        Path spoolDir = work.resolve("spool");
        SpoolSettings settings = new SpoolSettings(SpoolSettings.Storage.DISK, SpoolSettings.DEFAULT_MAX_SIZE_IN_BYTES, false, spoolDir);
        byte[] payload = new byte[64];
        Arrays.fill(payload, (byte) 'x');

        long writeNanos = System.nanoTime();
        try (Spooler spool = Spooler.open(settings)) {
            for (int i = 0; i < MESSAGES; i++) {
                require(spool.offer(new SpoolMessage(TOPIC, payload, 1), true) == PublishOutcome.SPOOLED, "spooled " + i);
            }
        }
        writeNanos = System.nanoTime() - writeNanos;
        System.out.printf("write  %d QoS 1 messages, one publisher, fsync each: %d ms (%.0f msg/s)%n", MESSAGES,
                millis(writeNanos), MESSAGES / (writeNanos / 1e9));

        Path shared = work.resolve("shared");
        long sharedNanos = System.nanoTime();
        try (Spooler spool = Spooler.open(new SpoolSettings(SpoolSettings.Storage.DISK, SpoolSettings.DEFAULT_MAX_SIZE_IN_BYTES,
                false, shared))) {
            Thread[] publishers = new Thread[4];
            for (int t = 0; t < publishers.length; t++) {
                publishers[t] = new Thread(() -> {
                    for (int i = 0; i < MESSAGES / 4; i++) {
                        require(spool.offer(new SpoolMessage(TOPIC, payload, 1), true) == PublishOutcome.SPOOLED, "spooled");
                    }
                });
                publishers[t].start();
            }
            for (Thread publisher : publishers) {
                publisher.join();
            }
        }
        sharedNanos = System.nanoTime() - sharedNanos;
        System.out.printf("write  %d QoS 1 messages, four publishers sharing fsyncs: %d ms (%.0f msg/s)%n", MESSAGES,
                millis(sharedNanos), MESSAGES / (sharedNanos / 1e9));

        for (int run = 0; run < 5; run++) {
            long openNanos = System.nanoTime();
            Spooler spool = Spooler.open(settings);
            openNanos = System.nanoTime() - openNanos;
            long recoverNanos = System.nanoTime();
            spool.recover();
            recoverNanos = System.nanoTime() - recoverNanos;
            require(spool.counters().messages() == MESSAGES, "recovered all");
            spool.close();
            System.out.printf("open   %.3f ms, then reading the records (drain thread): %d ms%n", openNanos / 1e6, millis(recoverNanos));
        }

        try (MosquittoBroker broker = new MosquittoBroker(work.resolve("broker"))) {
            broker.start();
            CountDownLatch all = new CountDownLatch(MESSAGES);
            MqttAsyncClient subscriber = subscriber(broker.uri(), all);
            long start = System.nanoTime();
            CloudLink link = new CloudLink(broker.uri(), "dev-1", Spooler.open(settings));
            link.connect(Duration.ofSeconds(10));
            require(all.await(120, TimeUnit.SECONDS), "all arrived");
            long drainNanos = System.nanoTime() - start;
            Conditions.await(Duration.ofSeconds(30), () -> link.spoolCounters().messages() == 0, "spool empty");
            long emptyNanos = System.nanoTime() - start;
            System.out.printf("drain  %d messages into Mosquitto (open, connect, read, send with 5 in flight, all at the subscriber): "
                    + "%d ms (%.0f msg/s); spool empty after %d ms; segments left: %d%n", MESSAGES, millis(drainNanos),
                    MESSAGES / (drainNanos / 1e9), millis(emptyNanos), segments(spoolDir));
            link.close();
            subscriber.disconnect().waitForCompletion(2_000);
            subscriber.close();
        }
    }

    private static MqttAsyncClient subscriber(String uri, CountDownLatch all) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, "measurement-subscriber", new MemoryPersistence());
        AtomicInteger count = new AtomicInteger();
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                count.incrementAndGet();
                all.countDown();
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(TOPIC, 1).waitForCompletion(10_000);
        return client;
    }

    private static long segments(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).count();
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
