package io.edgetwin.simulator.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A built-in board: what the real device has, and the caps a twin gets on this host. Memory is the
 * board's own (the host has plenty). CPU is scaled: one board core is worth {@code coreSpeed} of a
 * host core (single-thread speed of the board's cores against this x86 host's, from published
 * benchmarks, rounded down), and the sum is capped at the host's core count — the profile's
 * {@link #note()} says when that cap makes the twin faster than the board.
 *
 * @param boardCores    the board's CPU cores
 * @param coreSpeed     one board core as a fraction of one host core
 */
public record DeviceProfile(String name, String board, long boardMemoryBytes, int boardCores, double coreSpeed,
                            long pids) {

    private static final long MIB = 1024L * 1024;

    /** The built-in profiles, by name. */
    public static final Map<String, DeviceProfile> BUILT_IN = byName(List.of(
            new DeviceProfile("rpi4-2g", "Raspberry Pi 4 Model B, 2 GB, 4x Cortex-A72 1.5 GHz", 2048 * MIB, 4, 0.35, 1024),
            new DeviceProfile("gateway-1g", "industrial IoT gateway, 1 GB, 2x Cortex-A53 1.2 GHz", 1024 * MIB, 2, 0.25, 512),
            new DeviceProfile("jetson-cpu-4g", "Jetson-class module CPU-only, 4 GB, 6x Cortex-A78AE 1.5 GHz", 4096 * MIB, 6, 0.5, 2048)));

    public static Optional<DeviceProfile> named(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** The board's compute in host cores, before the host cap. */
    public double boardCpus() {
        return Math.round(boardCores * coreSpeed * 100) / 100.0;
    }

    /** The caps the twin gets on a host with {@code hostCpus} cores: board memory, no swap, scaled CPU. */
    public DeviceSpec applied(int hostCpus) {
        return new DeviceSpec(boardMemoryBytes, boardMemoryBytes, Math.min(boardCpus(), hostCpus), pids);
    }

    /** Board numbers and applied caps in one line, for the report and the progress output. */
    public String note(int hostCpus) {
        DeviceSpec applied = applied(hostCpus);
        String capped = boardCpus() > hostCpus
                ? " (the board's " + boardCpus() + " host cores are capped at this host's " + hostCpus + ")" : "";
        return name + ": " + board + " -> twin caps memory " + applied.memoryBytes() / MIB + " MiB, cpus "
                + applied.cpus() + capped + ", pids " + pids;
    }

    private static Map<String, DeviceProfile> byName(List<DeviceProfile> profiles) {
        Map<String, DeviceProfile> map = new TreeMap<>();
        profiles.forEach(p -> map.put(p.name(), p));
        return java.util.Collections.unmodifiableMap(map);
    }
}
