package io.edgetwin.core.ipc.greengrass;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import software.amazon.awssdk.eventstream.Message;

/**
 * Reads whole event-stream messages from a channel through one buffer, several per system call when
 * they pile up. The prelude's length is checked against the limit before the body is read, so an
 * oversized or garbage length costs no memory; checksums are checked by the codec.
 */
final class FrameReader {

    static final int PRELUDE_BYTES = 12;
    private static final int MIN_MESSAGE_BYTES = 16;

    private final ReadableByteChannel channel;
    private final int maxFrameBytes;
    private ByteBuffer buffer;

    FrameReader(ReadableByteChannel channel, int maxFrameBytes) {
        this.channel = channel;
        this.maxFrameBytes = maxFrameBytes;
        this.buffer = ByteBuffer.allocate(Math.min(64 * 1024, maxFrameBytes));
        this.buffer.flip();
    }

    /** The next frame, or null at the end of the stream. Throws {@link ProtocolViolation} for a malformed one. */
    RpcFrame next() throws IOException {
        if (!fill(PRELUDE_BYTES)) {
            return null;
        }
        int start = buffer.position();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(buffer.array(), buffer.arrayOffset() + start, 8);
        if ((int) crc.getValue() != buffer.getInt(start + 8)) {
            throw new ProtocolViolation("not an event-stream message: the prelude checksum does not match its "
                    + "first 8 bytes; expected total length, headers length and their CRC32");
        }
        int total = buffer.getInt(start);
        long headersLength = Integer.toUnsignedLong(buffer.getInt(buffer.position() + 4));
        if (total < MIN_MESSAGE_BYTES || headersLength > total - MIN_MESSAGE_BYTES) {
            throw new ProtocolViolation("message prelude says " + total + " bytes with " + headersLength
                    + " bytes of headers; expected at least 16 bytes and headers that fit");
        }
        if (total > maxFrameBytes) {
            throw new ProtocolViolation("message of " + total + " bytes; expected at most " + maxFrameBytes
                    + " bytes (the core's IPC frame limit)");
        }
        if (!fill(total)) {
            throw new ProtocolViolation("connection closed inside a message of " + total + " bytes");
        }
        ByteBuffer message = buffer.slice(buffer.position(), total);
        buffer.position(buffer.position() + total);
        try {
            return RpcFrame.of(Message.decode(message));
        } catch (ProtocolViolation e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolViolation("malformed event-stream message: " + e.getMessage());
        }
    }

    /** Makes {@code bytes} readable from the buffer's position; false at the end of the stream. */
    private boolean fill(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return true;
        }
        if (buffer.capacity() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(bytes);
            larger.put(buffer);
            buffer = larger;
        } else {
            buffer.compact();
        }
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                return false;
            }
        }
        buffer.flip();
        return true;
    }
}
