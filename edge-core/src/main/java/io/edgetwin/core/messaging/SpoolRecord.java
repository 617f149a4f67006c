package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * One message as a disk spool writes it, big-endian:
 * <pre>
 * offset   bytes  field
 * 0        4      payload length
 * 4        1      flags: bits 0-1 QoS, bit 7 "removed" (set in place when a message leaves from mid-spool)
 * 5        2      topic length (UTF-8 bytes, unsigned)
 * 7        t      topic
 * 7+t      p      payload
 * 7+t+p    4      CRC32 of bytes 0 .. 7+t+p with the "removed" bit cleared
 * </pre>
 * The CRC is what finds a record torn by a crash: a damaged record and whatever follows it in its
 * segment are dropped.
 */
final class SpoolRecord {

    static final int HEADER_BYTES = 7;
    static final int CRC_BYTES = 4;
    static final int FLAGS_OFFSET = 4;
    static final int REMOVED = 0x80;

    private SpoolRecord() {
    }

    static ByteBuffer encode(SpoolMessage message) {
        byte[] topic = message.topic().getBytes(UTF_8);
        byte[] payload = message.payload();
        ByteBuffer record = ByteBuffer.allocate(Math.toIntExact(size(topic.length, payload.length)));
        record.putInt(payload.length).put((byte) message.qos()).putShort((short) topic.length).put(topic).put(payload);
        record.putInt(crc(record.array(), record.position()));
        return record.flip();
    }

    static long size(int topicBytes, int payloadBytes) {
        return (long) HEADER_BYTES + topicBytes + payloadBytes + CRC_BYTES;
    }

    /** The message in {@code header} + {@code rest} (topic, payload, CRC), or {@code null} when the CRC does not match. */
    static SpoolMessage decode(Header header, byte[] headerBytes, byte[] rest) {
        byte[] record = new byte[headerBytes.length + rest.length];
        System.arraycopy(headerBytes, 0, record, 0, headerBytes.length);
        System.arraycopy(rest, 0, record, headerBytes.length, rest.length);
        int end = record.length - CRC_BYTES;
        if (crc(record, end) != ByteBuffer.wrap(record, end, CRC_BYTES).getInt()) {
            return null;
        }
        String topic = new String(record, HEADER_BYTES, header.topicBytes(), UTF_8);
        byte[] payload = new byte[header.payloadBytes()];
        System.arraycopy(record, HEADER_BYTES + header.topicBytes(), payload, 0, payload.length);
        return new SpoolMessage(topic, payload, header.qos());
    }

    private static int crc(byte[] record, int length) {
        CRC32 crc = new CRC32();
        crc.update(record, 0, FLAGS_OFFSET);
        crc.update(record[FLAGS_OFFSET] & ~REMOVED);
        crc.update(record, FLAGS_OFFSET + 1, length - FLAGS_OFFSET - 1);
        return (int) crc.getValue();
    }

    /** The fixed part of a record. */
    record Header(int payloadBytes, int flags, int topicBytes) {

        static Header of(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new Header(buffer.getInt(), buffer.get() & 0xff, buffer.getShort() & 0xffff);
        }

        int qos() {
            return flags & ~REMOVED;
        }

        boolean removed() {
            return (flags & REMOVED) != 0;
        }

        long size() {
            return SpoolRecord.size(topicBytes, payloadBytes);
        }

        /** Whether this can be the header of a record that ends within {@code available} bytes. */
        boolean plausible(long available) {
            return (qos() == 0 || qos() == 1) && topicBytes > 0 && payloadBytes >= 0 && size() <= available;
        }
    }
}
