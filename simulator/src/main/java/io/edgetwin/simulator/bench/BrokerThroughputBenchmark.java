package io.edgetwin.simulator.bench;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.identity.Identity;
import io.edgetwin.simulator.identity.RunIdentities;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * QoS 1 throughput through the run's Mosquitto on both of its listeners, one after the other on the
 * same broker: a thing publishes small messages on its own topic as fast as the in-flight window lets
 * it, the harness receives them; over plain TCP, and over mTLS with the topic policy on.
 */
public final class BrokerThroughputBenchmark {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private BrokerThroughputBenchmark() {
    }

    /** Messages per second received, over plain TCP and over mTLS. */
    public record Result(int messages, int bytes, double plainPerSecond, double tlsPerSecond) {
    }

    /** Sends {@code messages} messages of {@code bytes} bytes on each listener; {@code dir} holds the broker's files. */
    public static Result run(Path dir, int messages, int bytes) throws Exception {
        RunIdentities identities = RunIdentities.create(dir, "bench", Clock.systemUTC(), new SecureRandom(), true);
        try (Mosquitto broker = Mosquitto.start(dir, Duration.ofSeconds(10), identities.brokerTls())) {
            double plain;
            try (BrokerClient harness = new BrokerClient(broker.uri(), "bench-harness", true);
                 BrokerClient thing = new BrokerClient(broker.uri(), "bench-thing", true)) {
                plain = rate(harness, thing, messages, bytes);
            }
            Identity identity = identities.issue("bench-thing");
            try (BrokerClient harness = new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, true, identities.harnessContext());
                 BrokerClient thing = new BrokerClient(broker.tlsUri(), identity.name(), true, identities.contextOf(identity))) {
                return new Result(messages, bytes, plain, rate(harness, thing, messages, bytes));
            }
        }
    }

    private static double rate(BrokerClient harness, BrokerClient thing, int messages, int bytes) {
        String topic = "edgetwin/bench-thing/throughput-" + System.nanoTime();
        AtomicLong received = new AtomicLong();
        harness.subscribe(topic, 1, (t, payload) -> received.incrementAndGet());
        byte[] payload = new byte[bytes];
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            thing.publish(topic, payload, 1);
        }
        long deadline = start + PATIENCE.toNanos();
        while (received.get() < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + received.get() + " of " + messages + " messages arrived within "
                        + PATIENCE.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        return messages / ((System.nanoTime() - start) / 1e9);
    }
}
