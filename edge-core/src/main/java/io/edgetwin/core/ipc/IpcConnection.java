package io.edgetwin.core.ipc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One component's connection to the core. Writes are serialised, so each subscriber sees messages in order. */
final class IpcConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final BufferedReader in;
    private final ChannelWriter out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile String component;
    private volatile boolean open = true;

    IpcConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = new ChannelWriter(channel);
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

    /** Sends one frame; a broken connection is closed rather than thrown at the publisher. */
    synchronized void send(byte[] frame) {
        if (!open) {
            return;
        }
        try {
            out.write(frame);
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        open = false;
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
