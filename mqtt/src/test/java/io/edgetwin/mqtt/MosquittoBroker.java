package io.edgetwin.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A real Mosquitto for one test, on 127.0.0.1 at a port that stays the same across {@link #stop()} and
 * {@link #start()}, with persistence on so that a subscriber's session and its queued messages survive a
 * restart. Shared with edge-core's tests through this module's test jar (the core never imports the
 * harness's broker class).
 */
public final class MosquittoBroker implements AutoCloseable {

    /** The first {@code mosquitto} on PATH, else Debian's /usr/sbin one (not on an ordinary user's PATH); may not exist. */
    public static final Path BINARY = locate();

    private final Path dir;
    private final int port;
    private Process process;

    public MosquittoBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                // as root, Mosquitto would otherwise switch to its own user and could not write here
                "user " + System.getProperty("user.name"),
                "persistence true",
                "persistence_location " + dir + "/",
                "max_queued_messages 100000",
                "set_tcp_nodelay true",
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
    }

    private static Path locate() {
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        return Stream.concat(Arrays.stream(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of("mosquitto"));
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and returns once it accepts connections. */
    public void start() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("mosquitto not listening on " + uri() + " within 10 s (see " + dir + ")");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + dir.resolve("mosquitto.out"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the broker with SIGTERM (it saves its sessions), SIGKILL after five seconds. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
