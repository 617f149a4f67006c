package io.edgetwin.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Chunks written at their arrival times, in order, on a clock the test moves. */
class DelayedWriterTest {

    private static final long CLEAR = Long.MIN_VALUE;

    @Test
    void aChunkSentClearWhileDelayedOnesAreQueuedGoesOutRightAfterThem() throws Exception {
        AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(100));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DelayedWriter writer = new DelayedWriter(out, now::get, () -> { }, "delayed-writer-test")) {
            writer.write(new byte[] {'a'}, 1, now.get() + TimeUnit.MILLISECONDS.toNanos(200));
            writer.write(new byte[] {'b'}, 1, CLEAR); // the latency fault ended: the link is clear again

            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (out.size() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(out.toString()).as("both chunks, in order, once the first one's time came").isEqualTo("ab");
    }

    @Test
    void aDueChunkWithNothingQueuedIsWrittenAtOnce() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DelayedWriter writer = new DelayedWriter(out, System::nanoTime, () -> { }, "delayed-writer-test")) {
            writer.write(new byte[] {'x'}, 1, CLEAR);

            assertThat(out.toString()).isEqualTo("x");
        }
    }
}
