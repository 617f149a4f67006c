package io.edgetwin.core.ipc.greengrass;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Waits for a non-blocking socket to become readable (the connection's reader thread) or writable (its
 * writer thread, only when the component reads slower than the core writes), each on its own selector,
 * opened on first need. {@link #close} wakes both waits; a wait on a closed socket ends with
 * {@link ClosedChannelException}.
 */
final class Readiness implements ReadableByteChannel {

    private final SocketChannel channel;
    private final Object lock = new Object();
    private Selector reads;
    private Selector writes;
    private boolean closed;

    /** Puts {@code channel} in non-blocking mode. */
    Readiness(SocketChannel channel) throws IOException {
        this.channel = channel;
        try {
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads at least one byte, waiting for the component to send; -1 at the end of the stream. */
    @Override
    public int read(ByteBuffer buffer) throws IOException {
        int n;
        while ((n = channel.read(buffer)) == 0 && buffer.hasRemaining()) {
            await(selector(true));
        }
        return n;
    }

    /** Waits until the socket takes more bytes. */
    void awaitWritable() throws IOException {
        await(selector(false));
    }

    private Selector selector(boolean forReads) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            Selector selector = forReads ? reads : writes;
            if (selector == null) {
                selector = Selector.open();
                channel.register(selector, forReads ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
                if (forReads) {
                    reads = selector;
                } else {
                    writes = selector;
                }
            }
            return selector;
        }
    }

    private void await(Selector selector) throws IOException {
        try {
            selector.select();
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException();
        }
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the selectors (waking a thread waiting on them) and the socket. */
    @Override
    public void close() throws IOException {
        Selector r;
        Selector w;
        synchronized (lock) {
            closed = true;
            r = reads;
            w = writes;
        }
        try {
            channel.close();
        } finally {
            if (r != null) {
                r.close();
            }
            if (w != null) {
                w.close();
            }
        }
    }
}
