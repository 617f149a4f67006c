package io.edgetwin.mqtt;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A socket's input whose read timeouts ({@code SO_TIMEOUT}) serve as the keep-alive timer: once a
 * {@link Ticker} is set, a timeout calls it and the read goes on, so the reader thread is also the
 * timer thread and a packet cut by a timeout is never lost. Before that (the CONNACK wait) a timeout is
 * thrown as it is.
 */
final class TickingInput extends FilterInputStream {

    /** Called at each read timeout; throws to end the connection. */
    @FunctionalInterface
    interface Ticker {
        void tick() throws IOException;
    }

    private volatile Ticker ticker;

    TickingInput(InputStream in) {
        super(in);
    }

    void ticking(Ticker each) {
        this.ticker = each;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            try {
                return in.read();
            } catch (SocketTimeoutException e) {
                tickOrThrow(e);
            }
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                return in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                tickOrThrow(e);
            }
        }
    }

    private void tickOrThrow(SocketTimeoutException timeout) throws IOException {
        Ticker each = ticker;
        if (each == null) {
            throw timeout;
        }
        each.tick();
    }
}
