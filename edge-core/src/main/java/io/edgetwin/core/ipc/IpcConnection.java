package io.edgetwin.core.ipc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One component's connection to the core. Frames for the component go through a bounded outbox that
 * one writer thread drains, so each subscriber sees messages in order and a component that stops
 * reading (throttled, stuck) never blocks the publisher — in particular not the MQTT callback thread,
 * which every other component and the deployments share. When the outbox is full, frames for that
 * component are dropped and counted.
 */
final class IpcConnection implements AutoCloseable {

    static final int OUTBOX_FRAMES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(IpcConnection.class);

    private final SocketChannel channel;
    private final BufferedReader in;
    private final ChannelWriter out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(OUTBOX_FRAMES);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final Thread writer;
    private volatile String component;
    private volatile boolean open = true;

    IpcConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = new ChannelWriter(channel);
        this.writer = new Thread(this::drainOutbox, "ipc-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    String readLine() throws IOException {
        return in.readLine();
    }

    String component() {
        return component;
    }

    void identify(String name) {
        component = name;
    }

    synchronized void own(AutoCloseable resource) {
        resources.add(resource);
    }

    /** Queues one frame for the component; never blocks. A full outbox drops the frame and counts it. */
    void send(byte[] frame) {
        if (open && !outbox.offer(frame)) {
            long total = dropped.incrementAndGet();
            if (Long.bitCount(total) == 1) {
                LOG.warn("ipc-outbox-full component={} dropped={}", component, total);
            }
        }
    }

    /** Counts one request refused by access control; returns the total on this connection. */
    long countRefusal() {
        return refusals.incrementAndGet();
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes queued frames in order, several per system call when they pile up. */
    private void drainOutbox() {
        List<byte[]> batch = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream(16 * 1024);
        try {
            while (open) {
                batch.add(outbox.take());
                outbox.drainTo(batch, 255);
                joined.reset();
                batch.forEach(joined::writeBytes);
                batch.clear();
                out.write(joined.toByteArray());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        open = false;
        writer.interrupt();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // The connection is going away; a subscription that fails to cancel has nothing left to serve.
            }
        }
        resources.clear();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already closed by the peer.
        }
    }
}
