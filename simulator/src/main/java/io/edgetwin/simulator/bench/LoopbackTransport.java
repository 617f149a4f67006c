package io.edgetwin.simulator.bench;

import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.load.Transport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests as the same JSON the MQTT transport publishes, one per line, over one loopback TCP
 * connection to a {@link NullResponder}; answers are read on a thread of its own.
 */
final class LoopbackTransport implements Transport, AutoCloseable {

    private static final byte[] ID = "{\"id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INPUT = "\",\"input\":".getBytes(StandardCharsets.UTF_8);

    private final Socket socket;
    private final OutputStream out;
    // used by the sending thread only
    private byte[] request = new byte[1024];
    private Sample lastSample;
    private byte[] lastInput;

    LoopbackTransport(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
    }

    @Override
    public int twins() {
        return 1;
    }

    @Override
    public void start(Answers answers) {
        Thread reader = new Thread(() -> read(answers), "loopback-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Writes the request into a buffer kept from one send to the next, the input's bytes cached per sample:
     * nothing is allocated per request once every sample was sent, so the generator measures no collector.
     */
    @Override
    public boolean send(int twin, long id, Sample sample) {
        if (sample != lastSample) {
            lastSample = sample;
            lastInput = sample.inputJson().getBytes(StandardCharsets.UTF_8);
        }
        int need = ID.length + 20 + INPUT.length + lastInput.length + 2;
        if (request.length < need) {
            request = new byte[need];
        }
        System.arraycopy(ID, 0, request, 0, ID.length);
        int at = digits(id, ID.length);
        System.arraycopy(INPUT, 0, request, at, INPUT.length);
        at += INPUT.length;
        System.arraycopy(lastInput, 0, request, at, lastInput.length);
        at += lastInput.length;
        request[at++] = '}';
        request[at++] = '\n';
        try {
            out.write(request, 0, at);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code id}'s decimal digits at {@code at}; returns where they end. */
    private int digits(long id, int at) {
        long rest = Math.max(0, id);
        int length = 1;
        for (long tens = rest / 10; tens > 0; tens /= 10) {
            length++;
        }
        for (int i = at + length - 1; i >= at; i--) {
            request[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + length;
    }

    private void read(Answers answers) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            long id = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    answers.answered(id, "null", System.nanoTime());
                    id = 0;
                } else {
                    id = id * 10 + (b - '0');
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
