package io.edgetwin.core.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties the spool into a live link, in spool order, with at most {@link #WINDOW} messages in flight
 * (Greengrass drains its spooler five at a time). A message leaves the spool only when its send completes
 * (QoS 1: the broker's PUBACK; QoS 0: written). A failed send pauses the drain: the message and those after
 * it are sent again from the oldest on the next connection (or after {@link #RETRY_DELAY} if the link
 * stays up); after {@link #MAX_ATTEMPTS} failed sends a message is given up (Greengrass's
 * {@code maxPublishRetry}), so one message the broker keeps rejecting cannot hold the spool forever.
 *
 * <p>Everything runs on one thread, {@code spool-drain}, which also {@linkplain Spooler#recover recovers}
 * a disk spool: sends completions back onto it, so no state here needs a lock and no disk read happens
 * on MQTT's callback thread.
 */
final class SpoolDrain implements AutoCloseable {

    static final int WINDOW = 5;
    static final int MAX_ATTEMPTS = 100;
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SpoolDrain.class);

    /** Sends one message over the live link. */
    @FunctionalInterface
    interface Sender {
        /**
         * Calls {@code done} once: with {@code null} when the broker has the message (QoS 1: PUBACK; QoS 0:
         * written), else with the failure. It may be called before this returns, on any thread.
         */
        void send(SpoolMessage message, Consumer<Throwable> done);
    }

    private final Spooler spool;
    private final Sender sender;
    private final Duration retryDelay;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spool-drain");
        t.setDaemon(true);
        return t;
    });
    // Only touched on the drain thread.
    private final Map<Long, Integer> failures = new HashMap<>();
    private long connection;
    private boolean up;
    private boolean paused;
    private int inFlight;
    private long cursor = -1;

    SpoolDrain(Spooler spool, Sender sender) {
        this(spool, sender, RETRY_DELAY);
    }

    SpoolDrain(Spooler spool, Sender sender, Duration retryDelay) {
        this.spool = spool;
        this.sender = sender;
        this.retryDelay = retryDelay;
    }

    /** Reads a disk spool's previous run now, in the background, so that counters are exact soon after start. */
    void recoverSoon() {
        execute(spool::recover);
    }

    /** The link is up: send everything waiting, oldest first. */
    void connected() {
        execute(() -> {
            connection++;
            up = true;
            paused = false;
            inFlight = 0;
            cursor = -1;
            pump();
        });
    }

    /** The link is down: stop sending; completions still outstanding no longer free a slot. */
    void disconnected() {
        execute(() -> {
            connection++;
            up = false;
        });
    }

    /** Something was spooled while the link is up. */
    void wake() {
        execute(this::pump);
    }

    /** Completes once everything handed to the drain thread before this call has run. */
    CompletableFuture<Void> settled() {
        return CompletableFuture.runAsync(() -> { }, thread);
    }

    private void pump() {
        while (up && !paused && inFlight < WINDOW) {
            Optional<SpooledMessage> next = spool.next(cursor);
            if (next.isEmpty()) {
                if (inFlight == 0) {
                    failures.clear();
                }
                return;
            }
            SpooledMessage message = next.get();
            cursor = message.id();
            inFlight++;
            long sentOn = connection;
            Consumer<Throwable> done = error -> execute(() -> completed(message.id(), sentOn, error));
            try {
                sender.send(message.message(), done);
            } catch (RuntimeException e) {
                done.accept(e);
            }
        }
    }

    private void completed(long id, long sentOn, Throwable error) {
        boolean current = sentOn == connection;
        if (error == null) {
            failures.remove(id);
            spool.delivered(id);
        } else {
            failed(id, error);
            paused |= current;
        }
        if (current) {
            inFlight--;
            if (paused && inFlight == 0) {
                thread.schedule(() -> retry(sentOn), retryDelay.toNanos(), TimeUnit.NANOSECONDS);
            }
            pump();
        }
    }

    private void failed(long id, Throwable error) {
        int attempts = failures.merge(id, 1, Integer::sum);
        if (attempts >= MAX_ATTEMPTS) {
            failures.remove(id);
            spool.giveUp(id);
            LOG.warn("spool-gave-up id={} attempts={} error={}", id, attempts, String.valueOf(error));
        } else {
            LOG.debug("spool-send-failed id={} attempt={} error={}", id, attempts, String.valueOf(error));
        }
    }

    /** The link stayed up after a failed send: start again from the oldest message. */
    private void retry(long pausedOn) {
        if (pausedOn == connection && up && paused) {
            paused = false;
            cursor = -1;
            pump();
        }
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // after close: MQTT callbacks may still arrive while the link shuts down; nothing is sent any more
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
