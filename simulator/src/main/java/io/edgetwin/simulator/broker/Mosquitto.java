package io.edgetwin.simulator.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An Eclipse Mosquitto broker for one run, on 127.0.0.1 with a generated config: a plain TCP listener, an
 * mTLS listener ({@link BrokerTls}), or both, each on a free port. Its pid is written into the run
 * directory so a later run can stop it if this one was killed.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String PID_FILE = "mosquitto.pid";
    /** What the broker logs when it handles SIGHUP, before it reads its config and certificates again. */
    private static final String RELOADED = "Reloading config.";

    private final Path runDir;
    /** The plain TCP listener's port, or -1 when there is none. */
    private final int port;
    /** The mTLS listener's port, or -1 when there is none. */
    private final int tlsPort;
    private volatile Process process;

    private Mosquitto(Path runDir, Process process, int port, int tlsPort) {
        this.runDir = runDir;
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** A broker with one plain TCP listener that lets anyone in (benchmarks, and tests of other things). */
    public static Mosquitto start(Path runDir, Duration patience) throws IOException {
        return start(runDir, patience, null);
    }

    /**
     * A broker with the mTLS listener {@code tls} describes (and a plain one beside it when it asks for
     * one); with {@code tls} null, only a plain listener.
     */
    public static Mosquitto start(Path runDir, Duration patience, BrokerTls tls) throws IOException {
        MosquittoBinary.require();
        int tlsPort = tls == null ? -1 : freePort();
        int port = tls == null || tls.plainListener() ? freePort() : -1;
        StringBuilder listeners = new StringBuilder();
        if (tls != null) {
            // Each listener has its own authentication and topic policy.
            listeners.append("per_listener_settings true\n").append(tls.listener(tlsPort));
        }
        if (port > 0) {
            listeners.append(BrokerTls.plain(port));
        }
        Path config = runDir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                listeners.toString(),
                // Started as root, Mosquitto would switch to its own user, which cannot write the run directory
                // (log, persistence): it stays the user that runs the harness.
                "user " + System.getProperty("user.name"),
                // Persistent sessions (the harness's) and their queued QoS 1 messages survive a restart.
                "persistence true",
                "persistence_location " + runDir + "/",
                "max_queued_messages 100000",
                // Small request/response messages: without this, Nagle and delayed ACKs add ~40 ms.
                "set_tcp_nodelay true",
                "log_dest file " + runDir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                // Start, stop and "Reloading config." (which reload() waits for); not every connection.
                "log_type information",
                ""));
        Mosquitto broker = new Mosquitto(runDir, launch(runDir), port, tlsPort);
        broker.awaitListening(patience, runDir);
        return broker;
    }

    private static Process launch(Path runDir) throws IOException {
        Path binary = MosquittoBinary.require();
        Process process = new ProcessBuilder(binary.toString(), "-c", runDir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("mosquitto.out").toFile()))
                .start();
        Files.writeString(runDir.resolve(PID_FILE), Long.toString(process.pid()));
        return process;
    }

    /** Starts the broker again after {@link #close()}, with the same config and port (a broker outage ends). */
    public void restart(Duration patience) throws IOException {
        process = launch(runDir);
        awaitListening(patience, runDir);
    }

    /**
     * Makes the running broker read its certificates and revocation list again (SIGHUP), without dropping
     * a connection, and returns once it has: a certificate revoked meanwhile is refused at its next handshake.
     * The signal is handled in the broker's event loop, which logs "Reloading config." and reloads before it
     * serves another connection, so the reload is done for every handshake that starts after that line.
     */
    public void reload() throws IOException {
        Path log = runDir.resolve("mosquitto.log");
        long before = reloadsLogged(log);
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new BrokerException("could not signal mosquitto (pid " + process.pid() + ") to reload: "
                        + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while signalling mosquitto to reload");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reloadsLogged(log) <= before) {
            if (System.nanoTime() > deadline) {
                throw new BrokerException("mosquitto (pid " + process.pid() + ") did not reload within 5 s of SIGHUP; see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** How many reloads the broker has logged so far. */
    private static long reloadsLogged(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        String text = Files.readString(log);
        long count = 0;
        for (int at = text.indexOf(RELOADED); at >= 0; at = text.indexOf(RELOADED, at + 1)) {
            count++;
        }
        return count;
    }

    /** The running broker's process id; a new one after {@link #restart}. */
    public long pid() {
        return process.pid();
    }

    /** The plain listener: {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /** The plain listener's port; an {@link IllegalStateException} when the broker has none. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("this broker has no plain listener (every client needs a certificate)");
        }
        return port;
    }

    /** Whether the broker has a plain TCP listener. */
    public boolean hasPlain() {
        return port > 0;
    }

    /** Whether the broker has an mTLS listener. */
    public boolean hasTls() {
        return tlsPort > 0;
    }

    /** The mTLS listener: {@code ssl://127.0.0.1:PORT}. */
    public String tlsUri() {
        return "ssl://127.0.0.1:" + tlsPort();
    }

    /** The mTLS listener's port; an {@link IllegalStateException} when the broker has none. */
    public int tlsPort() {
        if (tlsPort < 0) {
            throw new IllegalStateException("this broker has no TLS listener");
        }
        return tlsPort;
    }

    private void awaitListening(Duration patience, Path runDir) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int listening : new int[] {port, tlsPort}) {
            if (listening > 0) {
                awaitListening(listening, deadline, patience, runDir);
            }
        }
    }

    private void awaitListening(int listening, long deadline, Duration patience, Path runDir) throws IOException {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BrokerException("mosquitto exited with " + process.exitValue() + "; see " + runDir.resolve("mosquitto.out")
                        + " and " + runDir.resolve("mosquitto.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", listening), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        close();
        throw new BrokerException("mosquitto did not listen on 127.0.0.1:" + listening + " within " + patience.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the broker: SIGTERM, then SIGKILL after two seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
