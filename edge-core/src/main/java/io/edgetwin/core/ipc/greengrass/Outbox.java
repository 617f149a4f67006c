package io.edgetwin.core.ipc.greengrass;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frames waiting for one connection, written in order by one writer thread, several per system
 * call. Stream events ({@link #offer}) never block their sender — the publisher's connection, MQTT's
 * callback thread — and are dropped and counted when the outbox is full; replies ({@link #put}) wait
 * for room, which only holds up the connection that asked.
 */
final class Outbox implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outbox.class);
    private static final ByteBuffer STOP = ByteBuffer.allocate(0);

    private final GatheringByteChannel channel;
    private final BlockingQueue<ByteBuffer> frames;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final Runnable onWriteFailure;
    private final java.util.function.Supplier<String> owner;
    private volatile boolean open = true;

    Outbox(GatheringByteChannel channel, int capacity, String threadName, java.util.function.Supplier<String> owner,
           Runnable onWriteFailure) {
        this.channel = channel;
        this.owner = owner;
        this.frames = new ArrayBlockingQueue<>(capacity);
        this.onWriteFailure = onWriteFailure;
        this.writer = new Thread(this::drain, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a frame unless the outbox is full; returns false (and counts the drop) when it is. */
    boolean offer(ByteBuffer frame) {
        if (open && frames.offer(frame)) {
            return true;
        }
        long total = dropped.incrementAndGet();
        if (open && Long.bitCount(total) == 1) {
            // 1st, 2nd, 4th, 8th...: a component that stopped reading cannot flood the log.
            LOG.warn("ipc-outbox-full component={} dropped={}", owner.get(), total);
        }
        return false;
    }

    /** Queues a frame, waiting for room while the connection is open. */
    void put(ByteBuffer frame) {
        try {
            while (open && !frames.offer(frame, 100, TimeUnit.MILLISECONDS)) {
                // Waiting on the component to read; close() ends the wait.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private void drain() {
        List<ByteBuffer> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(frames.take());
                frames.drainTo(batch, 255);
                boolean stop = batch.remove(STOP);
                ByteBuffer[] buffers = batch.toArray(ByteBuffer[]::new);
                long remaining = 0;
                for (ByteBuffer buffer : buffers) {
                    remaining += buffer.remaining();
                }
                while (remaining > 0) {
                    remaining -= channel.write(buffers);
                }
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

    @Override
    public void close() {
        open = false;
        writer.interrupt();
        frames.clear();
    }
}
