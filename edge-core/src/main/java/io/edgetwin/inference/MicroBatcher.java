package io.edgetwin.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects submitted items into batches and hands each batch, in submission order, to one consumer
 * on a worker thread of its own.
 *
 * <p>Backpressure: at most {@code maxBatchSize} items wait besides the batch in progress; a further
 * {@link #submit} blocks until the worker takes them. The submitting thread (the IPC reader) then
 * stops reading, as it does without batching while it predicts, so a flood of requests piles up in
 * the socket and the core, not in this JVM's heap. (Unbounded, a flood of 64×64 images filled a
 * 64 MB heap with parsed requests within seconds.)
 *
 * <p>A batch starts with the oldest waiting item and takes whatever else arrives until it holds
 * {@code maxBatchSize} items or {@code maxWait} has passed since it started; with a zero wait it
 * takes only what is already queued, which under load is everything that arrived while the
 * previous batch was being processed. An idle batcher adds no delay to a lone item.
 *
 * <p>The consumer runs on the worker thread only, one batch at a time, so it may own
 * thread-confined resources (a DJL predictor). A consumer that throws a {@link RuntimeException}
 * loses that batch: the failure is logged and the next batch goes on. An {@link Error} ends the
 * worker, and the next {@link #submit} throws. {@link #close()} stops the worker; items still queued
 * are dropped.
 */
final class MicroBatcher<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

    private static final long LIVENESS_CHECK_MILLIS = 100;

    private final BlockingQueue<T> queue;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final Consumer<List<T>> consumer;
    private final Thread worker;
    private volatile boolean closed;

    MicroBatcher(String name, int maxBatchSize, Duration maxWait, Consumer<List<T>> consumer) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("batcher '" + name + "': maxBatchSize must be >= 1; got " + maxBatchSize);
        }
        this.queue = new LinkedBlockingQueue<>(maxBatchSize);
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.worker = new Thread(this::run, name);
        worker.start();
    }

    /**
     * Queues {@code item} for a coming batch, waiting while the queue is full.
     *
     * @throws IllegalStateException when the batcher is closed or its worker has died (an
     *     {@link Error} in the consumer), so a component fails instead of queueing into the void
     */
    void submit(T item) {
        Objects.requireNonNull(item, "item");
        try {
            do {
                requireRunning();
            } while (!queue.offer(item, LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batcher '" + worker.getName() + "': interrupted while queueing", e);
        }
    }

    private void requireRunning() {
        if (closed) {
            throw new IllegalStateException("batcher '" + worker.getName() + "' is closed");
        }
        if (!worker.isAlive()) {
            throw new IllegalStateException("batcher '" + worker.getName() + "': its worker thread has died");
        }
    }

    private void run() {
        try {
            while (!closed) {
                List<T> batch = nextBatch();
                try {
                    consumer.accept(batch);
                } catch (RuntimeException e) {
                    LOG.error("batch-failed batcher={} size={} error={}", worker.getName(), batch.size(), e.toString(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<T> nextBatch() throws InterruptedException {
        List<T> batch = new ArrayList<>(maxBatchSize);
        batch.add(queue.take());
        long deadlineNanos = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatchSize) {
            long leftNanos = deadlineNanos - System.nanoTime();
            T next = leftNanos > 0 ? queue.poll(leftNanos, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** Stops the worker after the batch in progress, if any; waits for it to end. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
