package io.edgetwin.core.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What this host charges for the request path's process hops alone (docs/performance.md, "The floor
 * under the request path"): a ring of {@code hops} processes on loopback TCP ({@code TCP_NODELAY}), each
 * blocked in {@code read} until a message of the request's size comes and then writing it to the next;
 * the first one sends a message every {@code gapMs} (50 requests/s is 20 ms apart, as the path runs) and
 * times its return. No parsing, no TLS, no broker logic: every process only wakes, copies and writes, so
 * the p50 is the least that many wake-ups cost here. The request path crosses at least six processes
 * (load generator → broker → core → component → core → broker → load generator).
 *
 * <pre>
 * java -cp edge-core/target/test-classes io.edgetwin.core.bench.HopChainProbe [hops...] [--round-trips N] [--gap-ms G]
 * </pre>
 */
public final class HopChainProbe {

    private static final int MESSAGE_BYTES = 600;
    private static final int UNMEASURED = 100;

    private HopChainProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("relay")) {
            relay(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        List<Integer> chains = new ArrayList<>();
        int roundTrips = 1500;
        int gapMs = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--round-trips" -> roundTrips = Integer.parseInt(args[++i]);
                case "--gap-ms" -> gapMs = Integer.parseInt(args[++i]);
                default -> chains.add(Integer.parseInt(args[i]));
            }
        }
        for (int hops : chains.isEmpty() ? List.of(2, 6, 8) : chains) {
            long[] nanos = ring(hops, roundTrips, gapMs);
            System.out.printf(Locale.ROOT, "%d hops, %d round trips %d ms apart: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                    hops, roundTrips, gapMs, percentile(nanos, 0.50), percentile(nanos, 0.90), percentile(nanos, 0.99));
        }
    }

    /** The measured round trips of a ring of {@code hops} processes (this one and {@code hops - 1} relays). */
    private static long[] ring(int hops, int roundTrips, int gapMs) throws Exception {
        if (hops < 2) {
            throw new IllegalArgumentException("a ring needs at least 2 hops, got " + hops);
        }
        List<Process> relays = new ArrayList<>();
        try (ServerSocket back = listen()) {
            int next = back.getLocalPort();
            for (int i = 1; i < hops; i++) {
                ServerSocket probe = listen();
                int port = probe.getLocalPort();
                probe.close();
                relays.add(new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                        HopChainProbe.class.getName(), "relay", String.valueOf(port), String.valueOf(next))
                        .inheritIO().start());
                next = port;
            }
            try (Socket out = connect(next); Socket in = back.accept()) {
                in.setTcpNoDelay(true);
                return timeRoundTrips(out.getOutputStream(), in.getInputStream(), roundTrips, gapMs);
            }
        } finally {
            relays.forEach(Process::destroy);
            for (Process relay : relays) {
                relay.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long[] timeRoundTrips(OutputStream out, InputStream in, int roundTrips, int gapMs) throws IOException {
        byte[] message = new byte[MESSAGE_BYTES];
        long[] nanos = new long[roundTrips];
        for (int i = 0; i < roundTrips + UNMEASURED; i++) {
            long sent = System.nanoTime();
            out.write(message);
            out.flush();
            readFully(in, message);
            if (i >= UNMEASURED) {
                nanos[i - UNMEASURED] = System.nanoTime() - sent;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(gapMs));
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** One process of the ring: listens on {@code port}, passes every message on to {@code next}. */
    private static void relay(int port, int next) throws IOException {
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
             Socket out = connect(next); Socket in = server.accept()) {
            in.setTcpNoDelay(true);
            byte[] message = new byte[MESSAGE_BYTES];
            while (readFully(in.getInputStream(), message)) {
                out.getOutputStream().write(message);
                out.getOutputStream().flush();
            }
        }
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = 0;
        while (read < buffer.length) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                return false;
            }
            read += n;
        }
        return true;
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** The next process may still be starting: tries for up to 10 s. */
    private static Socket connect(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
