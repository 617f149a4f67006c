package io.edgetwin.simulator.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntPredicate;

/**
 * A hand-written transport for tests: one responder thread serves requests one at a time, each taking
 * {@code delayNanos}, and answers with the sample's own label; twins {@code silent} names never answer.
 */
final class EchoTransport implements Transport {

    private final int twins;
    private final long delayNanos;
    private final IntPredicate silent;
    private final BlockingQueue<long[]> queue = new ArrayBlockingQueue<>(1_000_000);
    private final java.util.Map<Long, String> labels = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    EchoTransport(int twins, long delayNanos, IntPredicate silent) {
        this.twins = twins;
        this.delayNanos = delayNanos;
        this.silent = silent;
    }

    @Override
    public int twins() {
        return twins;
    }

    @Override
    public void start(Answers answers) {
        Thread responder = new Thread(() -> {
            try {
                long free = 0;
                while (true) {
                    long[] request = queue.take();
                    long due = Math.max(request[1], free) + delayNanos;
                    free = due;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    inFlight.decrementAndGet();
                    answers.answered(request[0], labels.remove(request[0]), System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "echo-responder");
        responder.setDaemon(true);
        responder.start();
    }

    @Override
    public boolean send(int twin, long id, Sample sample) {
        received.incrementAndGet();
        if (silent.test(twin)) {
            return true;
        }
        labels.put(id, sample.label());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        queue.add(new long[] {id, System.nanoTime()});
        return true;
    }
}
