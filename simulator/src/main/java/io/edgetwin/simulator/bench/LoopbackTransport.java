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

    private final Socket socket;
    private final OutputStream out;

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

    @Override
    public boolean send(int twin, long id, Sample sample) {
        byte[] request = ("{\"id\":\"" + id + "\",\"input\":" + sample.inputJson() + "}\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(request);
            return true;
        } catch (IOException e) {
            return false;
        }
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
