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
 * An Eclipse Mosquitto broker for one run, on 127.0.0.1 at a free port with a generated config. Its pid
 * is written into the run directory so a later run can stop it if this one was killed.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String PID_FILE = "mosquitto.pid";

    private final Path runDir;
    private final int port;
    private volatile Process process;

    private Mosquitto(Path runDir, Process process, int port) {
        this.runDir = runDir;
        this.process = process;
        this.port = port;
    }

    public static Mosquitto start(Path runDir, Duration patience) throws IOException {
        MosquittoBinary.require();
        int port = freePort();
        Path config = runDir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
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
                ""));
        Mosquitto broker = new Mosquitto(runDir, launch(runDir), port);
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

    /** The running broker's process id; a new one after {@link #restart}. */
    public long pid() {
        return process.pid();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitListening(Duration patience, Path runDir) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BrokerException("mosquitto exited with " + process.exitValue() + "; see " + runDir.resolve("mosquitto.out"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        close();
        throw new BrokerException("mosquitto did not listen on 127.0.0.1:" + port + " within " + patience.toSeconds() + " s");
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
