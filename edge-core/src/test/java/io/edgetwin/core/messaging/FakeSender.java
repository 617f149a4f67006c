package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The live link, recorded: every send waits until the test acks or fails it; counts what is in flight. */
final class FakeSender implements SpoolDrain.Sender {

    private final BlockingQueue<Send> sends = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public void send(SpoolMessage message, Consumer<Throwable> done) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sends.add(new Send(new String(message.payload(), UTF_8), done));
    }

    /** The next message the drain sent, waiting up to five seconds for it. */
    Send next() throws InterruptedException {
        Send send = sends.poll(5, TimeUnit.SECONDS);
        assertNotNull(send, "the drain sent nothing within 5 s");
        return send;
    }

    /** Sends not taken by {@link #next()} yet. */
    int pending() {
        return sends.size();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    final class Send {
        final String payload;
        private final Consumer<Throwable> done;

        Send(String payload, Consumer<Throwable> done) {
            this.payload = payload;
            this.done = done;
        }

        /** The broker acknowledged it. */
        void ack() {
            inFlight.decrementAndGet();
            done.accept(null);
        }

        /** The connection went away before the acknowledgement. */
        void fail() {
            inFlight.decrementAndGet();
            done.accept(new IllegalStateException("connection lost before PUBACK"));
        }
    }
}
