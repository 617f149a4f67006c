package io.edgetwin.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 connection to the broker, from CONNECT to its end; a lost connection is not reopened
 * here (the owner opens a new one, and with a persistent session publishes again what was not
 * acknowledged: a failed completion says which).
 *
 * <p>Threads: one reader thread per connection, {@code mqtt-reader-<client id>}, reads every packet,
 * hands each PUBLISH straight to the {@link MqttListener} and then sends its PUBACK (QoS 1), completes
 * acks, and keeps the connection alive (its socket read timeout is the timer; {@link KeepAlive}). Writes
 * happen on the caller's thread, one packet per write under a lock on the socket's output stream; a
 * caller may block while the socket's send buffer is full (the keep-alive ends a connection whose
 * broker went silent, which ends that wait too). No other thread is started.
 *
 * <p>Completions: a QoS 1 publish completes at its PUBACK (on the reader thread), a QoS 0 publish once
 * written (on the caller's thread); when the connection ends first, every waiting completion is called
 * with the failure, oldest first. The connection ends (socket closed, {@link MqttListener#lost} once) on
 * any read or write error, a malformed or oversized packet, or 1.5 keep-alive intervals of silence;
 * {@link #close} ends it without calling {@code lost}.
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);

    private final Socket socket;
    private final OutputStream out;
    private final PacketReader reader;
    private final MqttOptions options;
    private final MqttListener listener;
    private final InFlight inFlight;
    private final KeepAlive keepAlive;
    private final Object writeLock = new Object();
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private final Thread readerThread;

    private enum State { OPEN, LOST, CLOSED }

    private MqttConnection(Socket socket, TickingInput input, PacketReader reader, MqttOptions options, MqttListener listener)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = reader;
        this.options = options;
        this.listener = listener;
        this.inFlight = new InFlight(options.window());
        this.keepAlive = new KeepAlive(options.keepAlive(), System.nanoTime());
        socket.setSoTimeout(keepAlive.tickMillis());
        input.ticking(this::tick);
        this.readerThread = new Thread(this::read, "mqtt-reader-" + options.clientId());
        readerThread.setDaemon(true);
    }

    /**
     * Connects through {@code sockets} (plain TCP or TLS), sends CONNECT and waits for CONNACK, all within
     * the options' connect timeout; then starts the reader. A refusal is a {@link MqttFailure} naming the
     * CONNACK return code.
     */
    public static MqttConnection open(BrokerAddress broker, SocketFactory sockets, MqttOptions options, MqttListener listener)
            throws IOException {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        Socket socket = BrokerSocket.open(broker, sockets, deadline);
        try {
            TickingInput input = new TickingInput(socket.getInputStream());
            PacketReader reader = new PacketReader(new BufferedInputStream(input, 16 * 1024), options.maxIncomingBytes());
            socket.getOutputStream().write(Packets.connect(options.clientId(), options.keepAliveSeconds(), options.cleanSession()));
            socket.setSoTimeout(BrokerSocket.millisLeft(deadline, broker, "CONNACK"));
            awaitConnAck(reader, broker, options.clientId());
            MqttConnection connection = new MqttConnection(socket, input, reader, options, listener);
            connection.readerThread.start();
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void awaitConnAck(PacketReader reader, BrokerAddress broker, String clientId) throws IOException {
        Packet first;
        try {
            first = reader.next();
        } catch (SocketTimeoutException e) {
            throw new MqttFailure("no CONNACK from " + broker + " within the connect timeout", e);
        }
        if (!(first instanceof Packet.ConnAck ack)) {
            throw new MqttFailure("the broker " + broker + " answered CONNECT with " + first.getClass().getSimpleName() + "; expected CONNACK");
        }
        if (ack.code() != 0) {
            throw MqttFailure.refusedConnect(ack.code(), clientId);
        }
    }

    /**
     * Writes a PUBLISH on this thread; {@code done} is called once (see the class comment). Throws only
     * when the connection has already ended, before anything was taken; at QoS 1 it first waits while
     * {@link MqttOptions#window()} messages await their PUBACK (except on the reader thread, a listener
     * publishing, which cannot wait for the acks it reads itself).
     */
    public void publish(String topic, byte[] payload, int qos, Consumer<Throwable> done) throws MqttFailure {
        publish(topic, payload, qos, false, done);
    }

    /** The same; with {@code retain} the broker keeps the message for whoever subscribes later. */
    public void publish(String topic, byte[] payload, int qos, boolean retain, Consumer<Throwable> done) throws MqttFailure {
        if (qos == 0) {
            byte[] packet = Packets.publish(topic, payload, 0, retain, 0);
            ensureOpen();
            try {
                write(packet);
            } catch (IOException e) {
                done.accept(e);
                return;
            }
            done.accept(null);
            return;
        }
        int id = inFlight.acquire(done, Thread.currentThread() != readerThread);
        byte[] packet;
        try {
            packet = Packets.publish(topic, payload, qos, retain, id);
        } catch (IllegalArgumentException e) {
            inFlight.complete(id, e);
            return;
        }
        try {
            write(packet);
        } catch (IOException e) {
            // lost() has failed every waiting completion, this one included
        }
    }

    /** Subscribes and waits (up to the connect timeout) for the SUBACK; a refusal (0x80) is a {@link MqttFailure}. */
    public void subscribe(String filter, int qos) throws MqttFailure {
        if (Thread.currentThread() == readerThread) {
            throw new IllegalStateException("subscribe to '" + filter + "' from the reader thread would wait for its own SUBACK");
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        int id = inFlight.acquire(error -> {
            if (error == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(error);
            }
        });
        try {
            write(Packets.subscribe(id, filter, qos));
            acked.get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            inFlight.complete(id, e);
            throw new MqttFailure("no SUBACK for '" + filter + "' within " + options.connectTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new MqttFailure("subscribing to '" + filter + "' failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttFailure("interrupted while subscribing to '" + filter + "'");
        } catch (IOException e) {
            throw new MqttFailure("subscribing to '" + filter + "' failed: " + e.getMessage(), e);
        }
    }

    public boolean isOpen() {
        return state.get() == State.OPEN;
    }

    /** QoS 1 messages and subscriptions awaiting their ack. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Closes now, without waiting for acks; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Waits up to {@code quiesce} for the PUBACKs still due, sends DISCONNECT, closes the socket and
     * waits for the reader to end; what is still unacknowledged then fails. {@link MqttListener#lost} is
     * not called.
     */
    public void close(Duration quiesce) {
        if (isOpen() && Thread.currentThread() != readerThread && !quiesce.isZero()) {
            try {
                inFlight.awaitEmpty(quiesce.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!state.compareAndSet(State.OPEN, State.CLOSED)) {
            return;
        }
        try {
            synchronized (writeLock) {
                out.write(Packets.DISCONNECT);
            }
        } catch (IOException e) {
            LOG.debug("mqtt-disconnect-failed client={} error={}", options.clientId(), e.getMessage());
        }
        closeSocket();
        inFlight.end(new MqttFailure("the connection was closed"));
        if (Thread.currentThread() != readerThread) {
            try {
                readerThread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ensureOpen() throws MqttFailure {
        if (!isOpen()) {
            throw new MqttFailure("the connection to the broker is closed");
        }
    }

    private void write(byte[] packet) throws IOException {
        try {
            synchronized (writeLock) {
                out.write(packet);
            }
            keepAlive.sent(System.nanoTime());
        } catch (IOException e) {
            lost(e);
            throw e;
        }
    }

    private void read() {
        try {
            while (true) {
                Packet packet = reader.next();
                keepAlive.received(System.nanoTime());
                handle(packet);
            }
        } catch (IOException | RuntimeException e) {
            lost(e);
        }
    }

    private void handle(Packet packet) throws IOException {
        if (packet instanceof Packet.Publish publish) {
            deliver(publish);
        } else if (packet instanceof Packet.PubAck ack) {
            inFlight.complete(ack.id(), null);
        } else if (packet instanceof Packet.SubAck ack) {
            inFlight.complete(ack.id(), ack.refused() ? new MqttFailure("the broker refused the subscription (SUBACK 0x80)") : null);
        } else if (packet instanceof Packet.ConnAck) {
            throw new MqttFailure("protocol error: a second CONNACK");
        }
    }

    private void deliver(Packet.Publish publish) throws IOException {
        try {
            listener.message(publish.topic(), publish.payload());
        } catch (RuntimeException e) {
            LOG.warn("mqtt-handler-failed client={} topic={} error={}", options.clientId(), publish.topic(), String.valueOf(e));
        }
        if (publish.qos() == 1) {
            write(Packets.pubAck(publish.id()));
        }
    }

    /** The reader's timer (a socket read timeout): PINGREQ when due, the end when the broker fell silent. */
    private void tick() throws IOException {
        long now = System.nanoTime();
        switch (keepAlive.at(now)) {
            case LOST -> throw new MqttFailure("nothing from the broker for " + keepAlive.silentFor(now) / 1_000_000
                    + " ms (keep-alive " + options.keepAlive().toMillis() + " ms)");
            case PING -> write(Packets.PINGREQ);
            case NOTHING -> { }
        }
    }

    private void lost(Throwable cause) {
        if (!state.compareAndSet(State.OPEN, State.LOST)) {
            return;
        }
        LOG.warn("mqtt-connection-closed client={} reason={}", options.clientId(), String.valueOf(cause));
        closeSocket();
        MqttFailure failure = new MqttFailure("the connection was lost: " + cause.getMessage(), cause);
        inFlight.end(failure);
        listener.lost(failure);
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("mqtt-socket-close-failed client={} error={}", options.clientId(), e.getMessage());
        }
    }
}
