package io.edgetwin.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import io.edgetwin.simulator.wan.RoundTrip;
import io.edgetwin.simulator.wan.WanProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-twin link proxy against a tiny echo server standing in for the broker. */
class LinkProxyTest {

    @Test
    void bytesPassBothWaysWhileTheLinkIsClear() throws Exception {
        try (Echo echo = new Echo(); LinkProxy proxy = new LinkProxy(echo.port(), 1); Socket client = connect(proxy)) {
            assertEquals('x', roundTrip(client, 'x'));
        }
    }

    @Test
    void addedLatencyDelaysEachDirection() throws Exception {
        try (Echo echo = new Echo(); LinkProxy proxy = new LinkProxy(echo.port(), 1); Socket client = connect(proxy)) {
            proxy.apply(new LinkConditions(false, Duration.ofMillis(100), 0, 0));
            long start = System.nanoTime();

            roundTrip(client, 'y');

            assertThat((System.nanoTime() - start) / 1_000_000).as("100 ms there and 100 ms back").isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void aWanProfileDelaysEachRoundTripAndTheBytesAreCountedEachWay() throws Exception {
        WanProfile far = new WanProfile("far", RoundTrip.fixed(Duration.ofMillis(120)), 0, 0, 0);
        try (Echo echo = new Echo(); LinkProxy proxy = new LinkProxy(echo.port(), 1, far, System::nanoTime);
             Socket client = connect(proxy)) {
            long start = System.nanoTime();

            assertEquals('p', roundTrip(client, 'p'));

            assertThat((System.nanoTime() - start) / 1_000_000).as("one 120 ms round trip").isGreaterThanOrEqualTo(115);
            assertThat(proxy.bytesUp()).isEqualTo(1);
            assertThat(proxy.bytesDown()).isEqualTo(1);
        }
    }

    @Test
    void chunksSentBackToBackKeepTheirOrderThroughAJitteryLink() throws Exception {
        WanProfile jittery = new WanProfile("jittery", RoundTrip.quantiles(0, 0, 1, 40), 0, 0, 0);
        try (Echo echo = new Echo(); LinkProxy proxy = new LinkProxy(echo.port(), 5, jittery, System::nanoTime);
             Socket client = connect(proxy)) {
            OutputStream out = client.getOutputStream();
            for (int i = 0; i < 50; i++) {
                out.write(i);
                out.flush();
            }
            for (int i = 0; i < 50; i++) {
                assertEquals(i, client.getInputStream().read());
            }
        }
    }

    @Test
    void aCutClosesOpenConnectionsAndRefusesNewOnesUntilCleared() throws Exception {
        try (Echo echo = new Echo(); LinkProxy proxy = new LinkProxy(echo.port(), 1); Socket client = connect(proxy)) {
            assertEquals('v', roundTrip(client, 'v'));
            proxy.apply(new LinkConditions(true, Duration.ZERO, 0, 0));

            assertThrows(IOException.class, () -> {
                roundTrip(client, 'z');
                roundTrip(client, 'z');
            });
            try (Socket refused = connect(proxy)) {
                assertEquals(-1, refused.getInputStream().read(), "closed at once");
            }
            proxy.apply(LinkConditions.CLEAR);
            try (Socket again = connect(proxy)) {
                assertEquals('w', roundTrip(again, 'w'));
            }
        }
    }

    @Test
    void aTwinConnectingWhileTheBrokerIsDownIsClosedAtOnce() throws Exception {
        int deadPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = free.getLocalPort();
        }
        try (LinkProxy proxy = new LinkProxy(deadPort, 1); Socket client = connect(proxy)) {
            assertEquals(-1, client.getInputStream().read());
        }
    }

    private static Socket connect(LinkProxy proxy) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static int roundTrip(Socket socket, char c) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(c);
        out.flush();
        int read = socket.getInputStream().read();
        if (read < 0) {
            throw new IOException("closed");
        }
        return read;
    }

    /** Echoes every byte back, one connection at a time. */
    private static final class Echo implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());

        Echo() throws IOException {
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        int b;
                        while ((b = in.read()) >= 0) {
                            out.write(b);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // next connection
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
