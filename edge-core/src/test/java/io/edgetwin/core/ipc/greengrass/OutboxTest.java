package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The outbox writes on the sender's thread when nothing waits, and never reorders or blocks a publisher. */
@Timeout(10)
class OutboxTest {

    private final ScriptedSocket socket = new ScriptedSocket();
    private final AtomicInteger failures = new AtomicInteger();
    private Outbox outbox;

    @AfterEach
    void stop() {
        if (outbox != null) {
            outbox.close();
        }
    }

    @Test
    void aFrameIsWrittenOnTheSendersThreadWhenNothingWaits() {
        outbox = outbox(4);

        assertTrue(outbox.offer(frame(1)));

        assertEquals(List.of(Thread.currentThread().getName()), socket.writers());
        assertEquals(List.of(1), socket.frames());
    }

    @Test
    void framesBehindOneTheSocketDidNotTakeFollowItInOrderWithoutBlockingTheSender() throws Exception {
        outbox = outbox(8);
        socket.takeAtMost(3); // the socket's buffer is full after 3 bytes

        assertTrue(outbox.offer(frame(1)));
        assertTrue(outbox.offer(frame(2)));
        outbox.put(frame(3));
        socket.takeAll();

        socket.awaitBytes(3 * FRAME_BYTES);
        assertEquals(List.of(1, 2, 3), socket.frames());
        assertTrue(socket.writers().contains("test-writer"), "the writer thread wrote what the socket did not take");
    }

    @Test
    void eventsForASocketThatTakesNothingAreDroppedOnceTheQueueIsFull() {
        outbox = outbox(2);
        socket.takeAtMost(0);

        int accepted = 0;
        for (int i = 1; i <= 10; i++) {
            accepted += outbox.offer(frame(i)) ? 1 : 0;
        }

        // the frame the socket began; what the writer took out of the queue before the socket stalled (its
        // wake-up and up to the queue's two frames, had the sender refilled it between the take and the
        // drain); the queue again (2)
        assertTrue(accepted >= 2 && accepted <= 5, "accepted " + accepted);
        assertEquals(10 - accepted, outbox.dropped(), "a full queue drops the event instead of blocking its sender");
    }

    @Test
    void aWriteThatFailsOnTheSendersThreadClosesTheConnectionFromTheWriterThread() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        List<String> closers = new ArrayList<>();
        outbox = new Outbox(socket, socket::awaitRoom, 4, "test-writer", () -> "c", () -> {
            closers.add(Thread.currentThread().getName());
            closed.countDown();
        });
        socket.fail();

        assertTrue(outbox.offer(frame(1)));

        assertTrue(closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("test-writer"), closers);
    }

    private Outbox outbox(int capacity) {
        return new Outbox(socket, socket::awaitRoom, capacity, "test-writer", () -> "c", failures::incrementAndGet);
    }

    private static final int FRAME_BYTES = 8;

    private static ByteBuffer frame(int n) {
        return ByteBuffer.allocate(FRAME_BYTES).putInt(n).putInt(n).flip();
    }

    /** A non-blocking channel that takes as many bytes as the test allows and records who wrote. */
    private static final class ScriptedSocket implements GatheringByteChannel {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<String> writers = new ArrayList<>();
        private long room = Long.MAX_VALUE;
        private boolean failing;

        synchronized void takeAtMost(long n) {
            room = n;
        }

        synchronized void takeAll() {
            room = Long.MAX_VALUE;
            notifyAll();
        }

        synchronized void fail() {
            failing = true;
        }

        synchronized void awaitRoom() throws IOException {
            try {
                while (room == 0) {
                    wait();
                }
            } catch (InterruptedException e) {
                throw new ClosedChannelException();
            }
        }

        synchronized void awaitBytes(int n) throws InterruptedException {
            while (bytes.size() < n) {
                wait(100);
            }
        }

        synchronized List<String> writers() {
            return List.copyOf(writers);
        }

        synchronized List<Integer> frames() {
            ByteBuffer all = ByteBuffer.wrap(bytes.toByteArray());
            List<Integer> frames = new ArrayList<>();
            while (all.remaining() >= FRAME_BYTES) {
                frames.add(all.getInt());
                all.getInt();
            }
            return frames;
        }

        @Override
        public synchronized int write(ByteBuffer src) throws IOException {
            return (int) write(new ByteBuffer[] {src}, 0, 1);
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            long written = 0;
            for (int i = offset; i < offset + length && room > 0; i++) {
                while (srcs[i].hasRemaining() && room > 0) {
                    bytes.write(srcs[i].get());
                    room--;
                    written++;
                }
            }
            if (written > 0) {
                writers.add(Thread.currentThread().getName());
                notifyAll();
            }
            return written;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
