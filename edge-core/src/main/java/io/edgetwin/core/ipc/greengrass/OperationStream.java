package io.edgetwin.core.ipc.greengrass;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation's stream (an event-stream continuation) on a connection. A request/response operation
 * ends with its response; a streaming one (SubscribeToTopic...) stays open and sends events until the
 * component closes it, the connection ends or the core stops. What the operation holds (a subscription)
 * is registered with {@link #onClose} and released exactly once.
 */
public final class OperationStream {

    private static final Logger LOG = LoggerFactory.getLogger(OperationStream.class);
    private static final int MAX_EARLY_EVENTS = 256;

    private final int id;
    private final String operation;
    private final Outbox outbox;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<java.nio.ByteBuffer> early = new ArrayList<>();
    private boolean replied;
    private boolean closed;

    OperationStream(int id, String operation, Outbox outbox) {
        this.id = id;
        this.operation = operation;
        this.outbox = outbox;
    }

    public int id() {
        return id;
    }

    public String operation() {
        return operation;
    }

    /**
     * Sends one stream event of the given model type ({@code aws.greengrass#SubscriptionResponseMessage}...)
     * unless the stream is closed; never blocks. Returns false when the event was not queued.
     */
    public boolean send(String modelType, byte[] json) {
        java.nio.ByteBuffer frame = FrameTemplate.of(MessageType.APPLICATION_MESSAGE, 0, modelType).encode(id, json);
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!replied) {
                // An event may race the operation's response (a publish on another connection, an MQTT
                // message): the client takes the first message of a stream as the response, so hold it.
                return early.size() < MAX_EARLY_EVENTS && early.add(frame);
            }
            return outbox.offer(frame);
        }
    }

    /** The response is queued: events held until now follow it, in order. */
    synchronized void replied() {
        replied = true;
        early.forEach(outbox::offer);
        early.clear();
    }

    /** Releases {@code resource} when the stream closes (at once if it already has). */
    public void onClose(AutoCloseable resource) {
        synchronized (this) {
            if (!closed) {
                resources.add(resource);
                return;
            }
        }
        release(resource);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    void close() {
        List<AutoCloseable> held;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            early.clear();
            held = List.copyOf(resources);
            resources.clear();
        }
        held.forEach(this::release);
    }

    private void release(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.debug("ipc-stream-release-failed operation={} stream={} error={}", operation, id, e.toString());
        }
    }
}
