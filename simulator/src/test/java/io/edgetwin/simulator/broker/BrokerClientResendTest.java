package io.edgetwin.simulator.broker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the harness's client does with a QoS 1 message the broker had not acknowledged when the link
 * dropped: a scripted broker reads it and hangs up without a PUBACK; after the redial the client sends it
 * again (as a new message: QoS 1 is at least once), and once acknowledged not again.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokerClientResendTest {

    private ServerSocket server;
    private final BlockingQueue<String> published = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> connectFlags = new LinkedBlockingQueue<>();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aQos1MessageNotAcknowledgedWhenTheLinkDroppedIsSentAgainAfterTheRedialAndOnlyOnce() throws Exception {
        Thread broker = new Thread(this::twoConnections, "scripted-broker");
        broker.setDaemon(true);
        broker.start();
        try (BrokerClient client = new BrokerClient("tcp://127.0.0.1:" + server.getLocalPort(), "harness", false)) {
            client.publish("edgetwin/dev-1/infer/request", "{\"id\":7}".getBytes(UTF_8), 1);

            assertThat(published.poll(10, TimeUnit.SECONDS)).isEqualTo("edgetwin/dev-1/infer/request {\"id\":7} dup=false");
            assertThat(published.poll(10, TimeUnit.SECONDS)).as("sent again after the redial")
                    .isEqualTo("edgetwin/dev-1/infer/request {\"id\":7} dup=false");
            assertThat(client.awaitConnected(Duration.ofSeconds(10))).isTrue();
            client.publish("edgetwin/dev-1/infer/request", "{\"id\":8}".getBytes(UTF_8), 1);
            assertThat(published.poll(10, TimeUnit.SECONDS)).as("the next message, not the acknowledged one again")
                    .isEqualTo("edgetwin/dev-1/infer/request {\"id\":8} dup=false");
        }
        assertThat(connectFlags).as("both CONNECTs ask for a persistent session").containsExactly(0, 0);
    }

    @Test
    void aPublishWhileTheLinkIsDownFailsAtOnceSayingSo() throws Exception {
        Thread broker = new Thread(this::oneConnectionThenGone, "scripted-broker");
        broker.setDaemon(true);
        broker.start();
        try (BrokerClient client = new BrokerClient("tcp://127.0.0.1:" + server.getLocalPort(), "harness", false)) {
            awaitDisconnected(client);

            assertThatThrownBy(() -> client.publish("edgetwin/dev-1/infer/request", new byte[] {1}, 1))
                    .isInstanceOf(BrokerException.class)
                    .hasMessageContaining("cannot publish to edgetwin/dev-1/infer/request");
        }
    }

    private static void awaitDisconnected(BrokerClient client) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.isConnected()) {
            assertThat(System.nanoTime()).as("the client saw the broker go").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** First connection: CONNACK, read one PUBLISH, hang up. Second: CONNACK, PUBACK every PUBLISH. */
    private void twoConnections() {
        try {
            try (Socket first = server.accept()) {
                DataInputStream in = accept(first);
                record(in);
            }
            try (Socket second = server.accept()) {
                DataInputStream in = accept(second);
                OutputStream out = second.getOutputStream();
                while (true) {
                    int id = record(in);
                    if (id < 0) {
                        return;
                    }
                    out.write(new byte[] {0x40, 2, (byte) (id >> 8), (byte) id});
                }
            }
        } catch (IOException ended) {
            // the test is over
        }
    }

    private void oneConnectionThenGone() {
        try {
            try (Socket first = server.accept()) {
                accept(first);
            }
            server.close();
        } catch (IOException ended) {
            // the test is over
        }
    }

    private DataInputStream accept(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] connect = packet(in);
        connectFlags.add(connect[9] & 0xFF);
        socket.getOutputStream().write(new byte[] {0x20, 2, 0, 0});
        return in;
    }

    /** Reads packets until a PUBLISH, records it and returns its packet id; -1 at the end of the stream. */
    private int record(DataInputStream in) throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            byte[] body = in.readNBytes(remainingLength(in));
            if ((first & 0xF0) != 0x30) {
                continue;
            }
            int topicLength = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
            String topic = new String(body, 2, topicLength, UTF_8);
            int id = (body[2 + topicLength] & 0xFF) << 8 | body[3 + topicLength] & 0xFF;
            String payload = new String(body, 4 + topicLength, body.length - 4 - topicLength, UTF_8);
            published.add(topic + " " + payload + " dup=" + ((first & 0x08) != 0));
            return id;
        }
    }

    private static byte[] packet(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new IOException("closed before a packet");
        }
        byte[] all = in.readNBytes(remainingLength(in));
        byte[] withHeader = new byte[all.length + 2];
        withHeader[0] = (byte) first;
        System.arraycopy(all, 0, withHeader, 2, all.length);
        return withHeader;
    }

    private static int remainingLength(DataInputStream in) throws IOException {
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = in.read();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return length;
    }
}
