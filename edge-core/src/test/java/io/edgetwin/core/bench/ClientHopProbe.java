package io.edgetwin.core.bench;

import io.edgetwin.core.messaging.NoDelaySocketFactory;
import io.edgetwin.mqtt.BrokerAddress;
import io.edgetwin.mqtt.MqttConnection;
import io.edgetwin.mqtt.MqttListener;
import io.edgetwin.mqtt.MqttOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What an MQTT client's own threads add to a round trip (docs/performance.md): QoS 1 messages of the request
 * path's size from a client to a topic it subscribes to itself, one every 20 ms, timed from the publish call to
 * the arrival in the handler, with Eclipse Paho's asynchronous client (what the harness's load generator uses: a
 * send thread, a receive thread and a callback thread) and with the core's own client (writes on the caller's
 * thread, delivers on its reader thread), in alternating runs against one broker.
 *
 * <pre>
 * java -cp "edge-core/target/test-classes:edge-core/target/classes:$(cat edge-core/target/cp.txt)" \
 *   io.edgetwin.core.bench.ClientHopProbe tcp://127.0.0.1:1883 [round trips] [pairs]
 * </pre>
 */
public final class ClientHopProbe {

    private static final String TOPIC = "edgetwin/probe/client-hop";
    private static final int WARM_UP = 200;

    private ClientHopProbe() {
    }

    /** One client under test: publish at QoS 1, and tell the handler's arrival times to a listener. */
    private interface Client extends AutoCloseable {
        void publish(byte[] payload) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        int trips = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        byte[] payload = new byte[600];
        Arrays.fill(payload, (byte) '1');
        for (int pair = 1; pair <= pairs; pair++) {
            report("paho async, pair " + pair, run(arrived -> paho(broker, arrived), payload, trips));
            report("core client, pair " + pair, run(arrived -> core(broker, arrived), payload, trips));
        }
    }

    private interface Opener {
        Client open(LongConsumer arrived) throws Exception;
    }

    private static long[] run(Opener opener, byte[] payload, int trips) throws Exception {
        AtomicLong arrivedAt = new AtomicLong();
        Semaphore arrivals = new Semaphore(0);
        long[] rtt = new long[trips];
        try (Client client = opener.open(nanos -> {
            arrivedAt.set(nanos);
            arrivals.release();
        })) {
            for (int i = -WARM_UP; i < trips; i++) {
                long sent = System.nanoTime();
                client.publish(payload);
                // The sender sleeps until the handler has run, as the harness's pacing thread does between requests:
                // a spinning sender would take a core from the client's own threads on a 2-core host.
                if (!arrivals.tryAcquire(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round trip " + i + " did not come back within 5 s");
                }
                if (i >= 0) {
                    rtt[i] = arrivedAt.get() - sent;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return rtt;
    }

    private static Client paho(String broker, LongConsumer arrived) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(broker, "client-hop-paho-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(5_000);
        client.subscribe(TOPIC, 1, (topic, message) -> arrived.accept(System.nanoTime())).waitForCompletion(5_000);
        return new Client() {
            @Override
            public void publish(byte[] payload) throws Exception {
                MqttMessage message = new MqttMessage(payload);
                message.setQos(1);
                client.publish(TOPIC, message);
            }

            @Override
            public void close() throws Exception {
                client.disconnect().waitForCompletion(2_000);
                client.close();
            }
        };
    }

    private static Client core(String broker, LongConsumer arrived) throws Exception {
        MqttConnection connection = MqttConnection.open(BrokerAddress.parse(broker), new NoDelaySocketFactory(),
                MqttOptions.core("client-hop-core-" + System.nanoTime()), new MqttListener() {
                    @Override
                    public void message(String topic, byte[] payload) {
                        arrived.accept(System.nanoTime());
                    }

                    @Override
                    public void lost(Throwable cause) {
                    }
                });
        connection.subscribe(TOPIC, 1);
        return new Client() {
            @Override
            public void publish(byte[] payload) throws Exception {
                connection.publish(TOPIC, payload, 1, error -> { });
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s %d round trips: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n", what, sorted.length,
                at(sorted, 0.5) / 1e6, at(sorted, 0.9) / 1e6, at(sorted, 0.99) / 1e6);
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
