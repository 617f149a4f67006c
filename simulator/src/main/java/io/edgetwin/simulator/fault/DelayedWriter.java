package io.edgetwin.simulator.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Writes chunks to one side of a proxied connection at their arrival times, in the order given (the
 * times never decrease: {@link io.edgetwin.simulator.wan.LinkModel} keeps TCP's order). A chunk that
 * is due and has nothing queued ahead of it is written at once on the caller's thread, so a clear link
 * adds no thread hand-off; the rest wait on a writer thread of their own. A failed write runs
 * {@code onFailure} (closing the connection) and later chunks are dropped.
 */
final class DelayedWriter implements AutoCloseable {

    private record Chunk(byte[] bytes, long arrivalNanos) {
    }

    private static final Chunk END = new Chunk(new byte[0], Long.MIN_VALUE);

    private final OutputStream out;
    private final LongSupplier nanoTime;
    private final Runnable onFailure;
    private final String name;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private Thread writer;
    private volatile boolean failed;

    DelayedWriter(OutputStream out, LongSupplier nanoTime, Runnable onFailure, String name) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.onFailure = onFailure;
        this.name = name;
    }

    /** Writes {@code length} bytes of {@code buffer} once {@code arrivalNanos} has come (the bytes are copied). */
    void write(byte[] buffer, int length, long arrivalNanos) throws IOException {
        if (failed) {
            throw new IOException("the other side of the link is closed");
        }
        if (pending.get() == 0 && arrivalNanos <= nanoTime.getAsLong()) {
            out.write(buffer, 0, length);
            out.flush();
            return;
        }
        pending.incrementAndGet();
        queue.add(new Chunk(Arrays.copyOf(buffer, length), arrivalNanos));
        if (writer == null) {
            writer = new Thread(this::drain, name);
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void drain() {
        try {
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == END) {
                    return;
                }
                // compared, not subtracted: a chunk sent on a clear link arrives at Long.MIN_VALUE, and
                // MIN_VALUE - now would wrap round to a wait of centuries
                long now;
                while (chunk.arrivalNanos() > (now = nanoTime.getAsLong())) {
                    LockSupport.parkNanos(chunk.arrivalNanos() - now);
                }
                out.write(chunk.bytes());
                out.flush();
                pending.decrementAndGet();
            }
        } catch (IOException e) {
            failed = true;
            onFailure.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the chunks already queued go out at their times (for at most 5 s), then stops the writer thread. */
    @Override
    public void close() {
        if (writer != null) {
            queue.add(END);
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
