package io.edgetwin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection against a scripted peer that refuses, falls silent, drops the line or sends garbage. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MqttConnectionFaultTest {

    private final BlockingQueue<Throwable> lost = new LinkedBlockingQueue<>();
    private final List<Throwable> allLost = new CopyOnWriteArrayList<>();
    private final MqttListener listener = new MqttListener() {
        @Override
        public void message(String topic, byte[] payload) {
        }

        @Override
        public void lost(Throwable cause) {
            allLost.add(cause);
            lost.add(cause);
        }
    };

    private MqttConnection open(FakeBroker peer, MqttOptions options) throws Exception {
        return MqttConnection.open(peer.address(), SocketFactory.getDefault(), options, listener);
    }

    @Test
    void aRefusedConnectNamesTheReturnCode() throws Exception {
        try (FakeBroker peer = new FakeBroker((p, in, out) -> {
            p.readPacket(in);
            out.write(new byte[] {0x20, 2, 0, 5});
            p.drain(in);
        })) {
            assertThatThrownBy(() -> open(peer, MqttOptions.core("dev-1")))
                    .isInstanceOf(MqttFailure.class)
                    .hasMessageContaining("CONNACK 5, not authorized");
        }
    }

    @Test
    void aPeerThatNeverSendsConnAckTimesOut() throws Exception {
        MqttOptions options = new MqttOptions("dev-1", true, Duration.ofSeconds(10), Duration.ofMillis(300), 10, 1024);
        try (FakeBroker peer = new FakeBroker((p, in, out) -> p.drain(in))) {
            assertThatThrownBy(() -> open(peer, options))
                    .isInstanceOf(MqttFailure.class)
                    .hasMessageContaining("no CONNACK");
        }
    }

    @Test
    void aSilentBrokerIsPingedThenDeclaredLostAndItsInFlightQos1Fails() throws Exception {
        try (FakeBroker peer = new FakeBroker((p, in, out) -> {
            p.accept(in, out);
            p.drain(in);
        })) {
            MqttConnection connection = open(peer, MqttOptions.core("dev-1").withKeepAlive(Duration.ofMillis(300)));
            BlockingQueue<Throwable> failed = new LinkedBlockingQueue<>();
            connection.publish("t", new byte[] {1}, 1, failed::add);

            Throwable cause = lost.poll(10, TimeUnit.SECONDS);

            assertThat(cause).hasMessageContaining("nothing from the broker for").hasMessageContaining("keep-alive 300 ms");
            assertThat(failed.poll(5, TimeUnit.SECONDS)).isInstanceOf(MqttFailure.class);
            assertThat(peer.received).contains(0x32, 0xC0);
            assertThat(connection.isOpen()).isFalse();
            assertThat(allLost).hasSize(1);
        }
    }

    @Test
    void aDroppedLineFailsEveryInFlightQos1AndCallsLostOnce() throws Exception {
        try (FakeBroker peer = new FakeBroker((p, in, out) -> {
            p.accept(in, out);
            p.readPacket(in);
            p.readPacket(in);
            // two PUBLISH read, never acked: hang up
        })) {
            MqttConnection connection = open(peer, MqttOptions.core("dev-1"));
            BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
            connection.publish("t", new byte[] {1}, 1, error -> outcomes.add("first " + (error == null ? "acked" : "failed")));
            connection.publish("t", new byte[] {2}, 1, error -> outcomes.add("second " + (error == null ? "acked" : "failed")));

            assertThat(lost.poll(10, TimeUnit.SECONDS)).isInstanceOf(MqttFailure.class);
            assertThat(outcomes.poll(5, TimeUnit.SECONDS)).isEqualTo("first failed");
            assertThat(outcomes.poll(5, TimeUnit.SECONDS)).isEqualTo("second failed");
            assertThatThrownBy(() -> connection.publish("t", new byte[] {3}, 1, error -> { })).isInstanceOf(MqttFailure.class);
            assertThat(allLost).hasSize(1);
        }
    }

    @Test
    void anOversizedPacketFromTheBrokerClosesTheConnectionWithTheReason() throws Exception {
        try (FakeBroker peer = new FakeBroker((p, in, out) -> {
            p.accept(in, out);
            OutputStream o = out;
            o.write(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
            p.drain(in);
        })) {
            MqttConnection connection = open(peer, MqttOptions.core("dev-1"));

            Throwable cause = lost.poll(10, TimeUnit.SECONDS);

            assertThat(cause).hasMessageContaining("remaining length 268435455 bytes").hasMessageContaining("at most 1048576");
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void aRefusedSubscriptionIsAClearError() throws Exception {
        try (FakeBroker peer = new FakeBroker((p, in, out) -> {
            p.accept(in, out);
            p.readPacket(in);
            out.write(new byte[] {(byte) 0x90, 3, 0, 1, (byte) 0x80});
            p.drain(in);
        })) {
            MqttConnection connection = open(peer, MqttOptions.core("dev-1"));

            assertThatThrownBy(() -> connection.subscribe("edgetwin/other/#", 1))
                    .isInstanceOf(MqttFailure.class)
                    .hasMessageContaining("subscribing to 'edgetwin/other/#' failed: the broker refused the subscription (SUBACK 0x80)");
            assertThat(connection.isOpen()).isTrue();
            connection.close();
        }
    }
}
