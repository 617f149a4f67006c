package io.edgetwin.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The connection against a real Mosquitto: delivery on the reader thread, writes on the caller's, acks. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MqttConnectionTest {

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private final List<MqttConnection> connections = new ArrayList<>();
    private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> lost = new LinkedBlockingQueue<>();

    @BeforeEach
    void startBroker() throws Exception {
        assumeTrue(MosquittoBroker.installed(), "needs Mosquitto at " + MosquittoBroker.BINARY);
        broker = new MosquittoBroker(dir.resolve("broker"));
        broker.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        connections.forEach(MqttConnection::close);
        if (broker != null) {
            broker.close();
        }
    }

    private MqttConnection open(String clientId) throws Exception {
        MqttConnection connection = MqttConnection.open(BrokerAddress.parse(broker.uri()), SocketFactory.getDefault(),
                MqttOptions.core(clientId), new MqttListener() {
                    @Override
                    public void message(String topic, byte[] payload) {
                        delivered.add(Thread.currentThread().getName() + " " + topic + " " + new String(payload, UTF_8));
                    }

                    @Override
                    public void lost(Throwable cause) {
                        lost.add(cause);
                    }
                });
        connections.add(connection);
        return connection;
    }

    @Test
    void aQos1MessageIsDeliveredOnTheReaderThreadAndItsPubAckCompletesThePublish() throws Exception {
        MqttConnection device = open("dev-1");
        MqttConnection cloud = open("cloud");
        device.subscribe("edgetwin/dev-1/#", 1);
        BlockingQueue<String> completions = new LinkedBlockingQueue<>();

        cloud.publish("edgetwin/dev-1/request", "{\"n\":1}".getBytes(UTF_8), 1,
                error -> completions.add(Thread.currentThread().getName() + " " + error));

        assertThat(delivered.poll(10, TimeUnit.SECONDS)).isEqualTo("mqtt-reader-dev-1 edgetwin/dev-1/request {\"n\":1}");
        assertThat(completions.poll(10, TimeUnit.SECONDS)).isEqualTo("mqtt-reader-cloud null");
        assertThat(cloud.inFlight()).isZero();
    }

    @Test
    void aQos0PublishCompletesOnTheCallersThreadOnceWrittenAndIsDelivered() throws Exception {
        MqttConnection device = open("dev-1");
        MqttConnection cloud = open("cloud");
        device.subscribe("edgetwin/dev-1/#", 0);
        List<String> completions = new ArrayList<>();

        cloud.publish("edgetwin/dev-1/data", "zero".getBytes(UTF_8), 0,
                error -> completions.add(Thread.currentThread().getName() + " " + error));

        assertThat(completions).containsExactly(Thread.currentThread().getName() + " null");
        assertThat(delivered.poll(10, TimeUnit.SECONDS)).isEqualTo("mqtt-reader-dev-1 edgetwin/dev-1/data zero");
    }

    @Test
    void aStoppedBrokerEndsTheConnectionOnceAndLaterPublishesAreRefused() throws Exception {
        MqttConnection device = open("dev-1");

        broker.stop();

        assertThat(lost.poll(10, TimeUnit.SECONDS)).isInstanceOf(MqttFailure.class);
        assertThat(device.isOpen()).isFalse();
        assertThat(lost.poll(200, TimeUnit.MILLISECONDS)).as("lost is called once").isNull();
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        int before = Thread.activeCount();
        MqttConnection device = open("dev-1");
        device.subscribe("edgetwin/dev-1/#", 1);
        assertThat(readerThreads()).containsExactly("mqtt-reader-dev-1");

        device.close();

        assertThat(readerThreads()).isEmpty();
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
        assertThat(lost).as("close is no loss").isEmpty();
    }

    private static List<String> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("mqtt-reader-"))
                .toList();
    }
}
