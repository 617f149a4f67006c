package io.edgetwin.simulator.broker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetwin.mqtt.FakeBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the harness's client does with a QoS 1 message the broker had not acknowledged when the link
 * dropped: a scripted broker reads it and hangs up without a PUBACK; after the redial the client sends it
 * again (as a new message: QoS 1 is at least once), and once acknowledged not again.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokerClientResendTest {

    private static final String TOPIC = "edgetwin/dev-1/infer/request";

    private final BlockingQueue<String> published = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> connectFlags = new LinkedBlockingQueue<>();

    @Test
    void aQos1MessageNotAcknowledgedWhenTheLinkDroppedIsSentAgainAfterTheRedialAndOnlyOnce() throws Exception {
        FakeBroker.Script readOneAndHangUp = (peer, in, out) -> {
            connect(peer, in, out);
            record(peer.read(in));
        };
        FakeBroker.Script acknowledgeEverything = (peer, in, out) -> {
            connect(peer, in, out);
            for (FakeBroker.Frame frame = peer.read(in); frame != null; frame = peer.read(in)) {
                int id = record(frame);
                out.write(new byte[] {0x40, 2, (byte) (id >> 8), (byte) id});
            }
        };
        try (FakeBroker broker = new FakeBroker(readOneAndHangUp, acknowledgeEverything);
                BrokerClient client = new BrokerClient(broker.uri(), "harness", false)) {
            client.publish(TOPIC, "{\"id\":7}".getBytes(UTF_8), 1);

            assertThat(published.poll(10, TimeUnit.SECONDS)).isEqualTo(TOPIC + " {\"id\":7}");
            assertThat(published.poll(10, TimeUnit.SECONDS)).as("sent again after the redial").isEqualTo(TOPIC + " {\"id\":7}");
            assertThat(client.awaitConnected(Duration.ofSeconds(10))).isTrue();
            client.publish(TOPIC, "{\"id\":8}".getBytes(UTF_8), 1);
            assertThat(published.poll(10, TimeUnit.SECONDS)).as("the next message, not the acknowledged one again")
                    .isEqualTo(TOPIC + " {\"id\":8}");
        }
        assertThat(connectFlags).as("both CONNECTs ask for a persistent session").containsExactly(0, 0);
    }

    @Test
    void aPublishWhileTheLinkIsDownFailsAtOnceSayingSo() throws Exception {
        try (FakeBroker broker = new FakeBroker(this::connect);
                BrokerClient client = new BrokerClient(broker.uri(), "harness", false)) {
            awaitDisconnected(client);

            assertThatThrownBy(() -> client.publish(TOPIC, new byte[] {1}, 1))
                    .isInstanceOf(BrokerException.class)
                    .hasMessageContaining("cannot publish to " + TOPIC);
        }
    }

    /** Reads CONNECT, notes its flags, accepts it. */
    private void connect(FakeBroker peer, InputStream in, OutputStream out) throws IOException {
        FakeBroker.Frame connect = peer.read(in);
        connectFlags.add(connect.body()[7] & 0xFF);
        out.write(new byte[] {0x20, 2, 0, 0});
    }

    /** Notes a PUBLISH as "topic payload" and returns its packet id; anything else is -1. */
    private int record(FakeBroker.Frame frame) {
        if (frame == null || frame.type() != 3) {
            return -1;
        }
        byte[] body = frame.body();
        int topicLength = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
        int id = (body[2 + topicLength] & 0xFF) << 8 | body[3 + topicLength] & 0xFF;
        published.add(new String(body, 2, topicLength, UTF_8) + " " + new String(body, 4 + topicLength, body.length - 4 - topicLength, UTF_8));
        return id;
    }

    private static void awaitDisconnected(BrokerClient client) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.isConnected()) {
            assertThat(System.nanoTime()).as("the client saw the broker go").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
