package io.edgetwin.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A scripted peer on a loopback port for one client: it reads the client's packets into {@link #received}
 * (first byte of each) and answers as {@link Script} says, to test what a real broker would not do
 * (refuse, fall silent, send garbage).
 */
final class FakeBroker implements AutoCloseable {

    /** What the peer does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void run(FakeBroker peer, InputStream in, OutputStream out) throws IOException;
    }

    final BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket client;

    FakeBroker(Script script) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(script), "fake-broker");
        thread.setDaemon(true);
        thread.start();
    }

    BrokerAddress address() {
        return new BrokerAddress("127.0.0.1", server.getLocalPort(), false);
    }

    private void serve(Script script) {
        try (Socket socket = server.accept()) {
            client = socket;
            script.run(this, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException ended) {
            // the client went away or the test closed the peer
        }
    }

    /** Reads one packet of the client, records its first byte and returns it (-1 at the end). */
    int readPacket(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = in.read();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        in.readNBytes(length);
        received.add(first);
        return first;
    }

    /** Reads CONNECT and accepts it. */
    void accept(InputStream in, OutputStream out) throws IOException {
        readPacket(in);
        out.write(new byte[] {0x20, 2, 0, 0});
        out.flush();
    }

    /** Reads until the client closes (answering nothing). */
    void drain(InputStream in) throws IOException {
        while (readPacket(in) >= 0) {
            // silent
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        Socket open = client;
        if (open != null) {
            open.close();
        }
        thread.join(5_000);
    }
}
