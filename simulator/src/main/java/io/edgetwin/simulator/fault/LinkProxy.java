package io.edgetwin.simulator.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One twin's link to the broker: a TCP proxy on its own port of 127.0.0.1 (twins share the host's
 * port space), forwarding to the broker. {@link #apply} changes the link live: a cut closes every
 * connection and refuses new ones until cleared; latency, loss and bandwidth slow each chunk down
 * in both directions. Loss draws come from a seeded generator.
 */
public final class LinkProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final SplittableRandom random;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile LinkConditions conditions = LinkConditions.CLEAR;

    public LinkProxy(int brokerPort, long seed) throws IOException {
        this(brokerPort, seed, InetAddress.getLoopbackAddress());
    }

    /** A proxy the twins reach at {@code address} (a swarm's advertise address); the broker stays on loopback. */
    public LinkProxy(int brokerPort, long seed, InetAddress address) throws IOException {
        this.server = new ServerSocket(0, 50, address);
        this.brokerPort = brokerPort;
        this.random = new SplittableRandom(seed);
        Thread acceptor = new Thread(this::accept, "link-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String uri() {
        return "tcp://" + server.getInetAddress().getHostAddress() + ":" + port();
    }

    /** Sets how the link behaves from now on; a cut drops every open connection. */
    public void apply(LinkConditions next) {
        conditions = next;
        if (next.cut()) {
            open.forEach(LinkProxy::closeQuietly);
            open.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket twin;
            try {
                twin = server.accept();
            } catch (IOException e) {
                return;
            }
            if (conditions.cut()) {
                closeQuietly(twin);
                continue;
            }
            connect(twin);
        }
    }

    private void connect(Socket twin) {
        Socket broker = new Socket();
        try {
            broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort), 2_000);
            twin.setTcpNoDelay(true);
            broker.setTcpNoDelay(true);
        } catch (IOException e) {
            // The broker is down (an outage): the twin's connection is closed at once, as a refused one would be.
            closeQuietly(twin);
            closeQuietly(broker);
            return;
        }
        open.add(twin);
        open.add(broker);
        pump(twin, broker);
        pump(broker, twin);
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    delay(n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed: close the other so the client notices.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "link-proxy-pump-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    private void delay(int bytes) {
        LinkConditions c = conditions;
        long nanos = c.latency().toNanos();
        if (c.lossPercent() > 0 && nextDouble() * 100 < c.lossPercent()) {
            nanos += LinkConditions.RETRANSMIT.toNanos();
        }
        if (c.bytesPerSecond() > 0) {
            nanos += TimeUnit.SECONDS.toNanos(bytes) / c.bytesPerSecond();
        }
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(LinkProxy::closeQuietly);
    }
}
