package io.edgetwin.simulator.fault;

import io.edgetwin.simulator.wan.LinkModel;
import io.edgetwin.simulator.wan.WanProfile;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One twin's link: a TCP proxy on its own port of 127.0.0.1 (twins share the host's port space),
 * forwarding to a target port — the broker, or the cloud inference service over a WAN. The link
 * behaves as its {@link WanProfile} says (a sampled round trip, loss, bandwidth; {@link LinkModel}),
 * and {@link #apply} changes it live on top of that: a cut closes every connection and refuses new
 * ones until cleared; a fault's latency, loss and bandwidth add to the profile's. Every draw comes
 * from a generator seeded at construction, and the proxy counts the bytes it carried each way.
 */
public final class LinkProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final WanProfile profile;
    private final SplittableRandom seeds;
    private final LongSupplier nanoTime;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private volatile LinkConditions conditions = LinkConditions.CLEAR;
    private volatile WanProfile effective;

    /** A clear link to {@code targetPort} on loopback until a fault changes it. */
    public LinkProxy(int targetPort, long seed) throws IOException {
        this(targetPort, seed, WanProfile.CLEAR, System::nanoTime, InetAddress.getLoopbackAddress());
    }

    /** A clear link the twins reach at {@code address} (a swarm's advertise address); the target stays on loopback. */
    public LinkProxy(int targetPort, long seed, InetAddress address) throws IOException {
        this(targetPort, seed, WanProfile.CLEAR, System::nanoTime, address);
    }

    /** A link on loopback to {@code targetPort} that behaves as {@code profile}; {@code nanoTime} is the clock chunks are timed on. */
    public LinkProxy(int targetPort, long seed, WanProfile profile, LongSupplier nanoTime) throws IOException {
        this(targetPort, seed, profile, nanoTime, InetAddress.getLoopbackAddress());
    }

    /** A link at {@code address} to {@code targetPort} on loopback that behaves as {@code profile}. */
    public LinkProxy(int targetPort, long seed, WanProfile profile, LongSupplier nanoTime, InetAddress address)
            throws IOException {
        this.server = new ServerSocket(0, 50, address);
        this.targetPort = targetPort;
        this.profile = profile;
        this.effective = profile;
        this.seeds = new SplittableRandom(seed);
        this.nanoTime = nanoTime;
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

    /** The profile the link was made with (faults apart). */
    public WanProfile profile() {
        return profile;
    }

    /** Bytes carried from the twin toward the target since the proxy started. */
    public long bytesUp() {
        return bytesUp.get();
    }

    /** Bytes carried from the target back to the twin since the proxy started. */
    public long bytesDown() {
        return bytesDown.get();
    }

    /** Sets how the link behaves from now on, on top of its profile; a cut drops every open connection. */
    public void apply(LinkConditions next) {
        conditions = next;
        effective = next.on(profile);
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
        Socket target = new Socket();
        try {
            target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
            twin.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
        } catch (IOException e) {
            // The target is down (an outage): the twin's connection is closed at once, as a refused one would be.
            closeQuietly(twin);
            closeQuietly(target);
            return;
        }
        open.add(twin);
        open.add(target);
        LinkModel model;
        synchronized (seeds) {
            model = new LinkModel(seeds.split());
        }
        Runnable closeBoth = () -> {
            closeQuietly(twin);
            closeQuietly(target);
            open.remove(twin);
            open.remove(target);
        };
        pump(twin, target, new Lane(LinkModel.Direction.UP, model, bytesUp), closeBoth);
        pump(target, twin, new Lane(LinkModel.Direction.DOWN, model, bytesDown), closeBoth);
    }

    private void pump(Socket from, Socket to, Lane lane, Runnable closeBoth) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream();
                 DelayedWriter writer = new DelayedWriter(out, nanoTime, closeBoth, "link-proxy-writer-" + port())) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    lane.counter().addAndGet(n);
                    WanProfile now = effective;
                    long arrival = now.equals(WanProfile.CLEAR) ? Long.MIN_VALUE
                            : lane.model().arrivalNanos(lane.direction(), nanoTime.getAsLong(), n, now);
                    writer.write(buffer, n, arrival);
                }
            } catch (IOException e) {
                // One side closed: close the other so the client notices.
            } finally {
                closeBoth.run();
            }
        }, "link-proxy-pump-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    /** One direction of one connection: which way, its connection's model, and the counter it adds to. */
    private record Lane(LinkModel.Direction direction, LinkModel model, AtomicLong counter) {
    }

    static void closeQuietly(Socket socket) {
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
