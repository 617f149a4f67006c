package io.edgetwin.simulator.run;

import io.edgetwin.simulator.broker.Mosquitto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The run's scratch directory (broker config, log and pid), under {@code $TMPDIR/edgetwin-runs/<run>}.
 * It records the owning process so the next run can stop a broker a killed run left behind.
 */
public final class RunDirectory implements AutoCloseable {

    private static final String OWNER = "owner.pid";

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    public static Path base() {
        return Path.of(System.getProperty("java.io.tmpdir"), "edgetwin-runs");
    }

    public static RunDirectory create(String runId) throws IOException {
        Path dir = Files.createDirectories(base().resolve(runId));
        Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
        return new RunDirectory(dir);
    }

    public Path path() {
        return dir;
    }

    /** Stops brokers of runs whose owner is gone and deletes their directories; returns how many. */
    public static int reapLeftovers(Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(base())) {
            return 0;
        }
        int reaped = 0;
        try (Stream<Path> runs = Files.list(base())) {
            for (Path run : runs.toList()) {
                if (!alive(pid(run.resolve(OWNER)))) {
                    stopBroker(run, progress);
                    stop(run, "registry.pid", "docker-registry", progress);
                    delete(run);
                    reaped++;
                }
            }
        }
        return reaped;
    }

    private static void stopBroker(Path run, Consumer<String> progress) {
        long pid = pid(run.resolve(Mosquitto.PID_FILE));
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false))
                .ifPresent(p -> {
                    progress.accept("stopping leftover mosquitto (pid " + pid + ") of a run that ended without cleaning up");
                    p.destroyForcibly();
                });
    }

    /** Stops the process named in {@code pidFile} when it still runs {@code binary}: a swarm run's registry. */
    private static void stop(Path run, String pidFile, String binary, Consumer<String> progress) {
        long pid = pid(run.resolve(pidFile));
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith(binary)).orElse(false))
                .ifPresent(p -> {
                    progress.accept("stopping leftover " + binary + " (pid " + pid + ") of a run that ended without cleaning up");
                    p.destroyForcibly();
                });
    }

    private static long pid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public void close() {
        delete(dir);
    }
}
