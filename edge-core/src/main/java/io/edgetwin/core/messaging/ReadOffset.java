package io.edgetwin.core.messaging;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The id of the oldest message a disk spool still holds, in a 12-byte file (the id, then its CRC32),
 * rewritten in place as messages leave. It is not fsync'ed: after a crash an older head only means some
 * delivered messages are sent again (QoS 1 is at least once), and a torn or missing file falls back to
 * the start of the oldest segment for the same reason.
 */
final class ReadOffset implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOffset.class);
    private static final int BYTES = 12;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    private long head;

    private ReadOffset(FileChannel channel, long head) {
        this.channel = channel;
        this.head = head;
    }

    static ReadOffset open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ByteBuffer stored = ByteBuffer.allocate(BYTES);
        while (stored.hasRemaining() && channel.read(stored, stored.position()) > 0) {
            // a 12-byte file: at most a few reads
        }
        stored.flip();
        if (stored.remaining() == 0) {
            return new ReadOffset(channel, 0);
        }
        long head = stored.remaining() == BYTES ? stored.getLong() : -1;
        if (head < 0 || crc(head) != stored.getInt()) {
            LOG.warn("spool-offset-damaged file={} action=replay-from-oldest-segment", file);
            return new ReadOffset(channel, 0);
        }
        return new ReadOffset(channel, head);
    }

    long head() {
        return head;
    }

    void advance(long newHead) throws IOException {
        buffer.clear();
        buffer.putLong(newHead).putInt(crc(newHead)).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
        head = newHead;
    }

    private static int crc(long value) {
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, value));
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
