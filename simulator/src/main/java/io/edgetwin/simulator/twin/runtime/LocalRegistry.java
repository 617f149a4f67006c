package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.TwinException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An image registry for one run: Debian's {@code docker-registry} (distribution 2.8) serving a
 * filesystem store under the run directory at {@code ADDRESS:PORT}. The engine pushes to a loopback
 * registry without TLS; other nodes need the address in their {@code insecure-registries}
 * (docs/scale.md). Its pid goes into the run directory, so a killed run's registry is stopped at the
 * next start. {@link #close()} stops it and deletes what it stored.
 */
final class LocalRegistry implements AutoCloseable {

    static final String PID_FILE = "registry.pid";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Process process;
    private final Path root;
    private final String address;

    private LocalRegistry(Process process, Path root, String address) {
        this.process = process;
        this.root = root;
        this.address = address;
    }

    static LocalRegistry start(String host, Path runDir, Consumer<String> progress) {
        Path binary = binary();
        try {
            int port = freePort(host);
            Path root = Files.createDirectories(runDir.resolve("registry"));
            Path config = Files.writeString(runDir.resolve("registry.yml"), String.join("\n",
                    "version: 0.1",
                    "log: {level: warn}",
                    "storage:",
                    "  filesystem: {rootdirectory: " + root + "}",
                    "  delete: {enabled: true}",
                    "http: {addr: '" + host + ":" + port + "'}",
                    ""));
            Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("registry.log").toFile()))
                    .start();
            Files.writeString(runDir.resolve(PID_FILE), Long.toString(process.pid()));
            LocalRegistry registry = new LocalRegistry(process, root, host + ":" + port);
            registry.awaitListening(host, port, runDir);
            progress.accept("registry: " + binary + " on " + registry.address());
            return registry;
        } catch (IOException e) {
            throw new TwinException("cannot start the image registry (" + binary + "): " + e.getMessage(), e);
        }
    }

    /** {@code HOST:PORT} as image references name it. */
    String address() {
        return address;
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "docker-registry");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new TwinException("the swarm engine needs an image registry: install Debian's docker-registry"
                + " (apt-get install docker-registry) or pass --registry HOST:PORT of one every node can pull from");
    }

    private void awaitListening(String host, int port, Path runDir) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new TwinException("the image registry exited at once (exit " + process.exitValue() + "); see "
                        + runDir.resolve("registry.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        close();
        throw new TwinException("the image registry did not listen on " + host + ":" + port + " within "
                + PATIENCE.toSeconds() + " s; see " + runDir.resolve("registry.log"));
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }

    /** Stops the registry and deletes its store; safe to call twice. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // the run directory is deleted with the run, or reaped at the next start
        }
    }
}
