package io.edgetwin.core.ipc.greengrass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One component's connection: reads its frames on one thread in the order they were sent, answers the
 * CONNECT handshake, opens a stream per operation and routes later frames to their stream. Anything
 * that breaks the protocol is answered with {@code PROTOCOL_ERROR} and ends this connection only.
 */
final class RpcConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);
    private static final String PROTOCOL_VERSION = "0.1.0";

    private final Readiness channel;
    private final IpcLimits limits;
    private final Authenticator authenticator;
    private final OperationCatalog operations;
    private final Consumer<RpcConnection> onClosed;
    private final FrameReader reader;
    private final Outbox outbox;
    private final Map<Integer, OperationStream> streams = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Caller caller;
    private int lastStreamId;

    /** Who a CONNECT's auth token belongs to. */
    interface Authenticator {
        Optional<String> component(String authToken);
    }

    RpcConnection(SocketChannel channel, IpcLimits limits, Authenticator authenticator, OperationCatalog operations,
                  Consumer<RpcConnection> onClosed) throws IOException {
        this.channel = new Readiness(channel);
        this.limits = limits;
        this.authenticator = authenticator;
        this.operations = operations;
        this.onClosed = onClosed;
        this.reader = new FrameReader(this.channel, limits.maxFrameBytes());
        this.outbox = new Outbox(channel, this.channel::awaitWritable, limits.outboxFrames(), "ipc-gg-writer", this::component,
                this::close);
    }

    boolean connected() {
        return caller != null;
    }

    Caller caller() {
        return caller;
    }

    int openStreams() {
        return streams.size();
    }

    long droppedEvents() {
        return outbox.dropped();
    }

    /** Reads and handles frames until the component hangs up or breaks the protocol. */
    void serve() {
        try {
            RpcFrame frame;
            while (!closed.get() && (frame = reader.next()) != null) {
                handle(frame);
            }
        } catch (ConnectionRefused e) {
            LOG.debug("ipc-connection-refused");
        } catch (ProtocolViolation e) {
            refuse(e.getMessage());
        } catch (IOException e) {
            LOG.debug("ipc-connection-ended component={} error={}", component(), e.toString());
        } finally {
            close();
        }
    }

    private void handle(RpcFrame frame) {
        switch (frame.type()) {
            case CONNECT -> connect(frame);
            case PING -> outbox.put(new RpcFrame(MessageType.PING_RESPONSE, 0, 0, frame.headers(), frame.payload()).encode());
            case PING_RESPONSE -> { }
            case APPLICATION_MESSAGE, APPLICATION_ERROR -> streamMessage(frame);
            default -> throw new ProtocolViolation("a component may not send " + frame.type()
                    + "; expected CONNECT, PING or APPLICATION_MESSAGE");
        }
    }

    private void connect(RpcFrame frame) {
        if (caller != null) {
            throw new ProtocolViolation("CONNECT received on a connection that is already connected");
        }
        String version = frame.string(RpcFrame.VERSION);
        Optional<String> component = PROTOCOL_VERSION.equals(version)
                ? authenticator.component(ConnectPayload.authToken(frame.payload()))
                : Optional.empty();
        if (component.isEmpty()) {
            LOG.warn("ipc-connect-refused version={} reason={}", version, PROTOCOL_VERSION.equals(version)
                    ? "unknown SVCUID" : "protocol version is not " + PROTOCOL_VERSION);
            outbox.put(new RpcFrame(MessageType.CONNECT_ACK, 0, 0, Map.of(), null).encode());
            throw new ConnectionRefused();
        }
        caller = new Caller(component.get());
        outbox.put(new RpcFrame(MessageType.CONNECT_ACK, RpcFrame.CONNECTION_ACCEPTED, 0, Map.of(), null).encode());
    }

    private void streamMessage(RpcFrame frame) {
        if (caller == null) {
            throw new ProtocolViolation("a CONNECT message is required before any other message");
        }
        int id = frame.streamId();
        OperationStream open = streams.get(id);
        if (open != null) {
            if (frame.terminates()) {
                closeStream(open);
            }
            return; // No operation served here takes stream input: events after the request are ignored.
        }
        if (id <= lastStreamId) {
            return; // A stream this side already ended; the component's close may cross our last message.
        }
        String operation = frame.string(RpcFrame.OPERATION);
        if (id <= 0 || operation == null) {
            throw new ProtocolViolation("stream " + id + " opened without an 'operation' header; expected a "
                    + "positive, increasing :stream-id and the operation name on a stream's first message");
        }
        lastStreamId = id;
        if (frame.terminates()) {
            return; // Asked and hung up at once: nothing to answer, as the nucleus does.
        }
        OperationStream stream = new OperationStream(id, operation, outbox);
        if (streams.size() >= limits.maxStreams()) {
            reply(stream, Errors.reply(Errors.service("connection holds " + streams.size()
                    + " open streams; expected at most " + limits.maxStreams() + " (close subscriptions you no longer need)")), true);
            return;
        }
        streams.put(id, stream);
        operations.invoke(caller, frame.payload(), stream, this::reply);
    }

    /** Sends a stream's response or error; a final one (or an error) ends the stream. */
    private void reply(OperationStream stream, OperationCatalog.Outcome outcome, boolean last) {
        int flags = last ? RpcFrame.TERMINATE_STREAM : 0;
        outbox.put(FrameTemplate.of(outcome.type(), flags, outcome.modelType()).encode(stream.id(), outcome.json()));
        stream.replied();
        if (last) {
            closeStream(stream);
        }
    }

    private void closeStream(OperationStream stream) {
        streams.remove(stream.id(), stream);
        stream.close();
    }

    private void refuse(String reason) {
        LOG.warn("ipc-protocol-error component={} reason={}", component(), reason);
        outbox.put(RpcFrame.connectionError(MessageType.PROTOCOL_ERROR, reason).encode());
    }

    private String component() {
        return caller == null ? "(not connected)" : caller.component();
    }

    /** Ends the connection without a word: used when a component never sent CONNECT in time. */
    void abandon(String reason) {
        if (caller == null && !closed.get()) {
            LOG.warn("ipc-connect-timeout reason={}", reason);
            close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        streams.values().forEach(OperationStream::close);
        streams.clear();
        try {
            outbox.flushAndStop(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.close();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already closed by the component.
        }
        onClosed.accept(this);
    }

    /** CONNECT was answered without the accepted flag; the connection ends after the answer is written. */
    private static final class ConnectionRefused extends RuntimeException {
        ConnectionRefused() {
            super("connection refused", null, false, false);
        }
    }

    /** The CONNECT payload: {@code {"authToken": "<SVCUID>"}} as the official client sends it. */
    static final class ConnectPayload {
        private ConnectPayload() {
        }

        static String authToken(byte[] payload) {
            try {
                com.google.gson.JsonElement json = com.google.gson.JsonParser.parseString(
                        new String(payload, StandardCharsets.UTF_8));
                com.google.gson.JsonElement token = json.isJsonObject() ? json.getAsJsonObject().get("authToken") : null;
                return token != null && token.isJsonPrimitive() ? token.getAsString() : "";
            } catch (RuntimeException e) {
                return "";
            }
        }
    }
}
