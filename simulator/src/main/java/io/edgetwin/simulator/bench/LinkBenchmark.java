package io.edgetwin.simulator.bench;

import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.wan.WanProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The WAN link proxy alone, against an echo server on loopback (docs/performance.md, "WAN link
 * proxy"): what a clear proxy adds to a round trip, how closely round trips through a profile follow
 * the profile's distribution (without loss, which only adds retransmissions on top), and how many
 * bytes per second a clear proxy carries one way.
 */
public final class LinkBenchmark {

    /** What was measured; milliseconds and megabytes (10^6 bytes) per second. */
    public record Result(double directP50Ms, double proxiedP50Ms, double profileP50Ms, double profileP99Ms,
                         double measuredP50Ms, double measuredP99Ms, double megabytesPerSecond) {
    }

    private final Consumer<String> progress;

    public LinkBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    /** {@code roundTrips} exchanges of 100 bytes through {@code profile} (its loss left out). */
    public Result run(WanProfile profile, int roundTrips) throws IOException {
        try (Echo echo = new Echo()) {
            double direct = p(roundTrips(echo.port(), 5_000, 1), 50);
            double proxied;
            try (LinkProxy clear = new LinkProxy(echo.port(), 1)) {
                proxied = p(roundTrips(clear.port(), 5_000, 1), 50);
            }
            progress.accept(String.format("clear proxy: p50 %.3f ms direct, %.3f ms through the proxy", direct, proxied));
            WanProfile lossless = new WanProfile(profile.name(), profile.rtt(), 0, profile.upBytesPerSecond(),
                    profile.downBytesPerSecond());
            double[] measured;
            try (LinkProxy wan = new LinkProxy(echo.port(), 42, lossless, System::nanoTime)) {
                measured = roundTrips(wan.port(), roundTrips, 100);
            }
            double throughput;
            try (Sink sink = new Sink(); LinkProxy clear = new LinkProxy(sink.port(), 1)) {
                throughput = oneWay(clear.port(), 50_000_000);
            }
            return new Result(direct, proxied, profile.rtt().nanosAt(0.5) / 1e6, profile.rtt().nanosAt(0.99) / 1e6,
                    p(measured, 50), p(measured, 99), throughput);
        }
    }

    private static double[] roundTrips(int port, int count, int bytes) throws IOException {
        double[] ms = new double[count];
        byte[] out = new byte[bytes];
        byte[] in = new byte[bytes];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream o = socket.getOutputStream();
            InputStream i = socket.getInputStream();
            for (int n = 0; n < count; n++) {
                long start = System.nanoTime();
                o.write(out);
                o.flush();
                int read = 0;
                while (read < bytes) {
                    int r = i.read(in, read, bytes - read);
                    if (r < 0) {
                        throw new IOException("the echo closed after " + n + " round trips");
                    }
                    read += r;
                }
                ms[n] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    private static double oneWay(int port, long bytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream o = socket.getOutputStream();
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                o.write(chunk);
            }
            socket.shutdownOutput();
            socket.getInputStream().read(); // the sink closes once it has read everything
        }
        return bytes / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    private static double p(double[] values, double percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100 * sorted.length) - 1)];
    }

    /** Echoes every byte back, each connection on a thread of its own. */
    private static final class Echo implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());

        Echo() throws IOException {
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        s.setTcpNoDelay(true);
                        daemon(() -> copy(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void copy(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** Reads everything of one connection, then closes it. */
    private static final class Sink implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());

        Sink() throws IOException {
            daemon(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] buffer = new byte[64 * 1024];
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                } catch (IOException e) {
                    // closed
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "link-bench");
        thread.setDaemon(true);
        thread.start();
    }
}
