package io.edgetwin.simulator.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Reads the host and the run's own use at one instant. {@code /proc} and the clock are parameters, so
 * a test feeds recorded snapshots.
 */
public final class HostProbe {

    private final Path procRoot;
    private final OwnUsage own;
    private final LongSupplier nanoTicker;

    /** One reading: the host's CPU times and pressure, and the run's own CPU, at {@code nanos}. */
    public record Reading(long nanos, CpuTimes cpu, Pressure pressure, long ownCpuNanos) {
    }

    public HostProbe(Path procRoot, OwnUsage own, LongSupplier nanoTicker) {
        this.procRoot = procRoot;
        this.own = own;
        this.nanoTicker = nanoTicker;
    }

    public static HostProbe ofThisHost(OwnUsage own) {
        return new HostProbe(Path.of("/proc"), own, System::nanoTime);
    }

    public OwnUsage own() {
        return own;
    }

    /** @throws UncheckedIOException when {@code /proc/stat} cannot be read */
    public Reading read() {
        try {
            long ownNanos = own.cpuNanos();
            CpuTimes cpu = CpuTimes.parse(Files.readString(procRoot.resolve("stat")));
            return new Reading(nanoTicker.getAsLong(), cpu, Pressure.read(procRoot), ownNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + procRoot.resolve("stat") + ": " + e.getMessage(), e);
        }
    }
}
