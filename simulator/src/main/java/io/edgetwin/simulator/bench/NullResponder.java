package io.edgetwin.simulator.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A responder that does no work: on 127.0.0.1, it answers each newline-terminated request at once
 * with the request's id (the digits after {@code "id":"}) and a newline. It lets the load generator
 * be measured without a broker or a model in the way.
 */
public final class NullResponder implements AutoCloseable {

    private final ServerSocket server;

    public NullResponder() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "null-responder");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            answer(new BufferedInputStream(socket.getInputStream(), 1 << 16), socket.getOutputStream());
        } catch (IOException e) {
            // The benchmark closed the connection.
        }
    }

    private static void answer(InputStream in, OutputStream socketOut) throws IOException {
        OutputStream out = new BufferedOutputStream(socketOut, 1 << 16);
        byte[] id = new byte[32];
        int state = 0;
        int length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                out.write(id, 0, length);
                out.write('\n');
                if (in.available() == 0) {
                    out.flush();
                }
                state = 0;
                length = 0;
            } else if (state == 0 && b == ':') {
                state = 1;
            } else if (state == 1 && b == '"') {
                state = 2;
            } else if (state == 2 && b != '"') {
                id[length++] = (byte) b;
            } else if (state == 2) {
                state = 3;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
