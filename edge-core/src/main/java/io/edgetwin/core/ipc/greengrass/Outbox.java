package io.edgetwin.core.ipc.greengrass;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The frames going to one connection, in the order they were sent. When nothing is waiting and no one
 * else is writing, a frame is written on the sender's own thread with one non-blocking write (no thread
 * hand-off); otherwise — or for what the socket did not take — it waits in a bounded queue that one
 * writer thread drains, several frames per system call. Stream events ({@link #offer}) never block their
 * sender — the publisher's connection, MQTT's callback thread — and are dropped and counted when the
 * queue is full; replies ({@link #put}) wait for room, which only holds up the connection that asked.
 */
final class Outbox implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outbox.class);
    private static final ByteBuffer STOP = ByteBuffer.allocate(0);
    private static final ByteBuffer WAKE = ByteBuffer.allocate(0);

    private final GatheringByteChannel socket;
    private final SocketWait writable;
    private final BlockingQueue<ByteBuffer> frames;
    private final ReentrantLock writing = new ReentrantLock();
    /** Frames accepted and not yet written: while there are any, a new frame queues behind them. */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final Runnable onWriteFailure;
    private final Supplier<String> owner;
    /** The end of a frame a sender began and the socket did not take; written first by the writer. */
    private ByteBuffer rest;
    private volatile boolean failed;
    private volatile boolean open = true;

    /** Waits until a non-blocking channel takes more bytes. */
    @FunctionalInterface
    interface SocketWait {
        void await() throws IOException;
    }

    /** {@code socket} is in non-blocking mode; {@code writable} waits for it to take bytes again. */
    Outbox(GatheringByteChannel socket, SocketWait writable, int capacity, String threadName,
           Supplier<String> owner, Runnable onWriteFailure) {
        this.socket = socket;
        this.writable = writable;
        this.owner = owner;
        this.frames = new ArrayBlockingQueue<>(capacity);
        this.onWriteFailure = onWriteFailure;
        this.writer = new Thread(this::drain, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Writes or queues a frame unless the queue is full; returns false (and counts the drop) when it is. */
    boolean offer(ByteBuffer frame) {
        if (open && (writeNow(frame) || queue(frame))) {
            return true;
        }
        long total = dropped.incrementAndGet();
        if (open && Long.bitCount(total) == 1) {
            // 1st, 2nd, 4th, 8th...: a component that stopped reading cannot flood the log.
            LOG.warn("ipc-outbox-full component={} dropped={}", owner.get(), total);
        }
        return false;
    }

    /** Writes or queues a frame, waiting for room in the queue while the connection is open. */
    void put(ByteBuffer frame) {
        if (!open || writeNow(frame)) {
            return;
        }
        unwritten.incrementAndGet();
        try {
            while (open) {
                if (frames.offer(frame, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
                // Waiting on the component to read; close() ends the wait.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unwritten.decrementAndGet();
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, then stops the writer; waits at most {@code millis} for it. */
    void flushAndStop(long millis) throws InterruptedException {
        open = false;
        frames.offer(STOP);
        if (Thread.currentThread() != writer) {
            writer.join(millis);
        }
    }

    private boolean queue(ByteBuffer frame) {
        unwritten.incrementAndGet();
        if (frames.offer(frame)) {
            return true;
        }
        unwritten.decrementAndGet();
        return false;
    }

    /**
     * Writes the frame on this thread when nothing is ahead of it and no one is writing; true when the
     * frame is taken care of (written, its end handed to the writer, or lost with a failed connection).
     */
    private boolean writeNow(ByteBuffer frame) {
        if (unwritten.get() != 0 || !writing.tryLock()) {
            return false;
        }
        try {
            if (unwritten.get() != 0 || !open) {
                return false;
            }
            while (frame.hasRemaining() && socket.write(frame) > 0) {
                // A Unix socket takes a whole frame unless its buffer is full.
            }
            if (frame.hasRemaining()) {
                rest = frame;
                unwritten.incrementAndGet();
                frames.offer(WAKE); // when full, the writer is awake anyway
            }
            return true;
        } catch (IOException e) {
            failed = true;
            open = false;
            frames.offer(WAKE); // the writer closes the connection: never on a publisher's thread
            return true;
        } finally {
            writing.unlock();
        }
    }

    private void drain() {
        List<ByteBuffer> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(frames.take());
                frames.drainTo(batch, 255);
                boolean stop = batch.removeIf(frame -> frame == STOP);
                batch.removeIf(frame -> frame == WAKE);
                if (failed) {
                    onWriteFailure.run();
                    return;
                }
                write(batch);
                batch.clear();
                if (stop || (!open && frames.isEmpty())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            open = false;
            onWriteFailure.run();
        }
    }

    /** Writes the rest of a frame a sender began, then the batch, waiting for the socket as needed. */
    private void write(List<ByteBuffer> batch) throws IOException {
        writing.lock();
        try {
            if (rest != null) {
                writeFully(new ByteBuffer[] {rest});
                rest = null;
                unwritten.decrementAndGet();
            }
            if (!batch.isEmpty()) {
                writeFully(batch.toArray(ByteBuffer[]::new));
                unwritten.addAndGet(-batch.size());
            }
        } finally {
            writing.unlock();
        }
    }

    private void writeFully(ByteBuffer[] buffers) throws IOException {
        long remaining = 0;
        for (ByteBuffer buffer : buffers) {
            remaining += buffer.remaining();
        }
        while (remaining > 0) {
            long written = socket.write(buffers);
            if (written == 0) {
                writable.await();
            }
            remaining -= written;
        }
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
        frames.clear();
    }
}
