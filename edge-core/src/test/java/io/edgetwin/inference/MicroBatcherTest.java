package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

    private static final long TIMEOUT_SECONDS = 5;

    private final BlockingQueue<List<Integer>> batches = new LinkedBlockingQueue<>();
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

    /** Records every batch; holds the first one until released, like a slow forward pass. */
    private final Consumer<List<Integer>> slowFirstBatch = batch -> {
        if (firstBatchStarted.getCount() > 0) {
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
        }
        batches.add(batch);
    };

    @Test
    void requestsArrivingDuringABatchFormTheNextBatchInArrivalOrder() throws InterruptedException {
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 8, Duration.ZERO, slowFirstBatch)) {
            batcher.submit(1);
            await(firstBatchStarted);
            batcher.submit(2);
            batcher.submit(3);
            batcher.submit(4);
            releaseFirstBatch.countDown();

            assertEquals(List.of(1), nextBatch());
            assertEquals(List.of(2, 3, 4), nextBatch());
        }
    }

    @Test
    void batchesNeverExceedTheMaximumSizeAndKeepSubmissionOrder() throws InterruptedException {
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 2, Duration.ZERO, slowFirstBatch)) {
            batcher.submit(1);
            await(firstBatchStarted);
            Thread submitter = new Thread(() -> IntStream.rangeClosed(2, 7).forEach(batcher::submit));
            submitter.start();
            releaseFirstBatch.countDown();

            List<Integer> seen = new ArrayList<>();
            while (seen.size() < 7) {
                List<Integer> batch = nextBatch();
                assertTrue(batch.size() <= 2, "batch " + batch);
                seen.addAll(batch);
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seen);
            submitter.join();
        }
    }

    @Test
    void submitWaitsWhileAFullBatchIsAlreadyQueued() throws InterruptedException {
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 2, Duration.ZERO, slowFirstBatch)) {
            batcher.submit(1);
            await(firstBatchStarted);
            batcher.submit(2);
            batcher.submit(3);
            CountDownLatch fourthQueued = new CountDownLatch(1);
            Thread submitter = new Thread(() -> {
                batcher.submit(4);
                fourthQueued.countDown();
            });
            submitter.start();

            awaitState(submitter, Thread.State.TIMED_WAITING);
            assertEquals(1, fourthQueued.getCount(), "the fourth request was queued beside a full batch");
            releaseFirstBatch.countDown();
            await(fourthQueued);
            submitter.join();
        }
    }

    @Test
    void submitFailsOnceTheWorkerHasDied() {
        Consumer<List<Integer>> dies = batch -> {
            throw new AssertionError("worker dies in this test on purpose");
        };
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 1, Duration.ZERO, dies)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> IntStream.rangeClosed(1, 10).forEach(batcher::submit));

            assertTrue(refused.getMessage().contains("worker thread has died"), refused.getMessage());
        }
    }

    @Test
    void waitCollectsRequestsArrivingAfterTheFirstAndEndsWhenTheBatchIsFull() throws InterruptedException {
        long startNanos = System.nanoTime();
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 3, Duration.ofSeconds(30), batches::add)) {
            batcher.submit(1);
            batcher.submit(2);
            batcher.submit(3);

            assertEquals(List.of(1, 2, 3), nextBatch());
            assertTrue(System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS),
                    "a full batch waited for the timeout");
        }
    }

    @Test
    void waitEndsAPartialBatch() throws InterruptedException {
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 8, Duration.ofMillis(20), batches::add)) {
            batcher.submit(1);

            assertEquals(List.of(1), nextBatch());
        }
    }

    @Test
    void aFailingBatchDoesNotStopTheNextOnes() throws InterruptedException {
        Consumer<List<Integer>> failOnOne = batch -> {
            if (batch.contains(1)) {
                throw new IllegalStateException("model failed");
            }
            batches.add(batch);
        };
        try (MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 1, Duration.ZERO, failOnOne)) {
            batcher.submit(1);
            batcher.submit(2);

            assertEquals(List.of(2), nextBatch());
        }
    }

    @Test
    void closedBatcherRefusesRequests() {
        MicroBatcher<Integer> batcher = new MicroBatcher<>("test", 2, Duration.ZERO, batches::add);
        batcher.close();

        assertThrows(IllegalStateException.class, () -> batcher.submit(1));
    }

    private List<Integer> nextBatch() throws InterruptedException {
        List<Integer> batch = batches.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (batch == null) {
            throw new AssertionError("no batch within " + TIMEOUT_SECONDS + " s");
        }
        return batch;
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (thread.getState() != state) {
            if (System.nanoTime() > deadlineNanos) {
                throw new AssertionError(thread.getName() + " is " + thread.getState() + ", not " + state);
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
