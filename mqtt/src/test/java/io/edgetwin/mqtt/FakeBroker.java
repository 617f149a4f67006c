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
 * A scripted peer on a loopback port: it reads the client's packets into {@link #received} (first byte of
 * each) and answers as {@link Script} says, to test what a real broker would not do (refuse, fall silent,
 * send garbage, hang up before an ack). Each accepted connection runs the next script, so a client that
 * redials meets the second one on the same port. Public for the harness client's tests (test jar).
 */
public final class FakeBroker implements AutoCloseable {

    /** What the peer does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(FakeBroker peer, InputStream in, OutputStream out) throws IOException;
    }

    /** One packet as the client sent it: its first byte (type and flags) and what follows the remaining length. */
    public record Frame(int first, byte[] body) {

        public int type() {
            return first >>> 4;
        }
    }

    public final BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket client;

    public FakeBroker(Script... connections) throws IOException {
        server = new ServerSocket(0, connections.length, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(connections), "fake-broker");
        thread.setDaemon(true);
        thread.start();
    }

    public BrokerAddress address() {
        return new BrokerAddress("127.0.0.1", server.getLocalPort(), false);
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String uri() {
        return address().toString();
    }

    private void serve(Script[] connections) {
        for (Script script : connections) {
            try (Socket socket = server.accept()) {
                client = socket;
                script.run(this, socket.getInputStream(), socket.getOutputStream());
            } catch (IOException ended) {
                // the client went away or the test closed the peer
            }
        }
    }

    /** Reads one packet of the client, records its first byte and returns it (-1 at the end). */
    public int readPacket(InputStream in) throws IOException {
        Frame frame = read(in);
        return frame == null ? -1 : frame.first();
    }

    /** Reads one packet of the client and records its first byte; null at the end of the stream. */
    public Frame read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = in.read();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        byte[] body = in.readNBytes(length);
        received.add(first);
        return new Frame(first, body);
    }

    /** Reads CONNECT and accepts it. */
    public void accept(InputStream in, OutputStream out) throws IOException {
        readPacket(in);
        out.write(new byte[] {0x20, 2, 0, 0});
        out.flush();
    }

    /** Reads until the client closes (answering nothing). */
    public void drain(InputStream in) throws IOException {
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
