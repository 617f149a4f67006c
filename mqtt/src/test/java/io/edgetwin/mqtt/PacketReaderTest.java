package io.edgetwin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The codec: what {@link Packets} writes {@link PacketReader} reads back; bad frames are clear failures. */
class PacketReaderTest {

    private static PacketReader reader(byte[] bytes, int max) {
        return new PacketReader(new ByteArrayInputStream(bytes), max);
    }

    @Test
    void qos1PublishRoundTripsWithItsTopicIdAndPayload() throws IOException {
        byte[] payload = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);

        Packet packet = reader(Packets.publish("edgetwin/dev-1/ä", payload, 1, 4711), 1 << 20).next();

        assertThat(packet).isInstanceOf(Packet.Publish.class);
        Packet.Publish publish = (Packet.Publish) packet;
        assertThat(publish.topic()).isEqualTo("edgetwin/dev-1/ä");
        assertThat(publish.qos()).isEqualTo(1);
        assertThat(publish.id()).isEqualTo(4711);
        assertThat(publish.payload()).isEqualTo(payload);
    }

    @Test
    void remainingLengthsAtEveryVarintBoundaryRoundTrip() throws IOException {
        for (int size : new int[] {0, 122, 123, 16_378, 16_379, 2_097_146, 2_097_147}) {
            byte[] payload = new byte[size];
            Arrays.fill(payload, (byte) 7);
            byte[] packet = Packets.publish("t/a", payload, 0, 0);
            int remaining = 2 + 3 + size;

            Packet.Publish read = (Packet.Publish) reader(packet, 4 << 20).next();

            assertThat(packet.length).as("size %d", size).isEqualTo(1 + Packets.lengthBytes(remaining) + remaining);
            assertThat(read.payload()).as("size %d", size).isEqualTo(payload);
            assertThat(read.qos()).isZero();
        }
    }

    @Test
    void acksAndPingRespAreRead() throws IOException {
        byte[] stream = concat(Packets.pubAck(65535), new byte[] {(byte) 0x90, 3, 0, 9, (byte) 0x80},
                new byte[] {(byte) 0xD0, 0}, new byte[] {0x20, 2, 0, 5});
        PacketReader reader = reader(stream, 1024);

        assertThat(reader.next()).isEqualTo(new Packet.PubAck(65535));
        Packet.SubAck subAck = (Packet.SubAck) reader.next();
        assertThat(subAck.id()).isEqualTo(9);
        assertThat(subAck.refused()).isTrue();
        assertThat(reader.next()).isEqualTo(new Packet.PingResp());
        assertThat(reader.next()).isEqualTo(new Packet.ConnAck(false, 5));
    }

    @Test
    void oversizedRemainingLengthIsRefusedBeforeTheBodyIsRead() {
        // PUBLISH announcing 2 MiB; only the header is there: the limit is checked before any allocation.
        byte[] header = {0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};

        assertThatThrownBy(() -> reader(header, 1 << 20).next())
                .isInstanceOf(MqttFailure.class)
                .hasMessageContaining("remaining length 2097152 bytes")
                .hasMessageContaining("at most 1048576");
    }

    @Test
    void remainingLengthOfFiveBytesIsMalformed() {
        byte[] header = {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};

        assertThatThrownBy(() -> reader(header, 1 << 20).next())
                .isInstanceOf(MqttFailure.class)
                .hasMessageContaining("remaining length longer than 4 bytes");
    }

    @Test
    void truncatedPacketIsAnEndOfStreamNamingHowMuchArrived() {
        byte[] packet = Packets.publish("t", new byte[100], 1, 1);
        byte[] cut = Arrays.copyOf(packet, 50);

        assertThatThrownBy(() -> reader(cut, 1024).next())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("truncated packet: 48 of 105 bytes");
    }

    @Test
    void packetsAClientNeverReceivesAreMalformed() {
        byte[] subscribe = Packets.subscribe(1, "t/#", 1);
        byte[] qos2 = Packets.publish("t", new byte[1], 1, 1);
        qos2[0] = 0x34;
        byte[] longConnAck = {0x20, 3, 0, 0, 0};
        byte[] topicPastTheEnd = {0x30, 3, 0, 9, 'a'};

        assertThatThrownBy(() -> reader(subscribe, 1024).next()).hasMessageContaining("type 8 is not one a client receives");
        assertThatThrownBy(() -> reader(qos2, 1024).next()).hasMessageContaining("PUBLISH at QoS 2");
        assertThatThrownBy(() -> reader(longConnAck, 1024).next()).hasMessageContaining("CONNACK of 3 bytes; expected 2");
        assertThatThrownBy(() -> reader(topicPastTheEnd, 1024).next()).hasMessageContaining("topic of 9 bytes");
    }

    @Test
    void connectCarriesProtocolLevelCleanSessionKeepAliveAndClientId() throws IOException {
        byte[] connect = Packets.connect("dev-1", 10, true);
        InputStream in = new ByteArrayInputStream(connect);

        assertThat(in.read()).isEqualTo(0x10);
        assertThat(in.read()).isEqualTo(connect.length - 2);
        assertThat(in.readAllBytes()).containsExactly(0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 10, 0, 5, 'd', 'e', 'v', '-', '1');
    }

    @Test
    void aPersistentSessionsConnectLeavesTheCleanSessionFlagOff() {
        byte[] connect = Packets.connect("harness", 30, false);

        assertThat(connect[9]).as("connect flags").isEqualTo((byte) 0);
    }

    @Test
    void aRetainedPublishCarriesTheRetainFlagAndReadsBackAsAnyOther() throws IOException {
        byte[] retained = Packets.publish("edgetwin/dev-1/config", new byte[] {'x'}, 1, true, 7);

        assertThat(retained[0]).isEqualTo((byte) 0x33);
        assertThat(reader(retained, 1024).next()).usingRecursiveComparison().isEqualTo(reader(Packets.publish("edgetwin/dev-1/config", new byte[] {'x'}, 1, 7), 1024).next());
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
