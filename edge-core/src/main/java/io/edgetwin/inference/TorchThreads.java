package io.edgetwin.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * PyTorch's intra-op and inter-op thread counts, sized from the process's CPU cap.
 *
 * <p>Why: a CFS quota does not hide the host's cores, and PyTorch sizes its pools from the core
 * count, so under {@code --cpus 0.5} two threads throttle in lockstep and the tail latency grows in
 * 100 ms steps. Here the count is {@code max(1, floor(quota / period))}, capped at the available
 * processors; without a quota it is the available processors. Both pools get that count.
 *
 * <p>Ordering: DJL's PyTorch engine reads {@value #NUM_THREADS_PROPERTY} and
 * {@value #NUM_INTEROP_THREADS_PROPERTY} once, when the engine loads (the first {@code Model},
 * {@code NDManager} or {@code Engine.getEngine("PyTorch")} of the process). {@link #apply()} must
 * run before that; a later call changes nothing in the running engine.
 *
 * <p>An explicit setting wins: {@link #choose} keeps a thread count already present in the
 * properties (for instance {@code -Dai.djl.pytorch.num_threads=3} on the command line) over the
 * computed one.
 */
public record TorchThreads(int intraOpThreads, int interOpThreads) {

    public static final String NUM_THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    public static final String NUM_INTEROP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    /** Where the cgroup filesystem is mounted in a Linux container. */
    public static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    public TorchThreads {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1; got intra-op "
                    + intraOpThreads + ", inter-op " + interOpThreads);
        }
    }

    /** The same count for both pools. */
    public static TorchThreads fixed(int threads) {
        return new TorchThreads(threads, threads);
    }

    /**
     * Threads for the CPU quota found under {@code cgroupRoot}: either a cgroup v2 directory with
     * {@code cpu.max}, or a v1 mount holding {@code cpu.cfs_quota_us} directly or in its {@code cpu}
     * or {@code cpu,cpuacct} controller directory.
     */
    public static TorchThreads forCpuCap(Path cgroupRoot, int availableProcessors) {
        if (availableProcessors < 1) {
            throw new IllegalArgumentException("available processors must be >= 1; got " + availableProcessors);
        }
        OptionalInt wholeCpus = quotaCpus(cgroupRoot);
        int threads = wholeCpus.isPresent() ? Math.min(wholeCpus.getAsInt(), availableProcessors) : availableProcessors;
        return fixed(threads);
    }

    /** Counts already set in {@code properties} win; the rest come from {@code fallback}. */
    public static TorchThreads choose(Properties properties, TorchThreads fallback) {
        return new TorchThreads(
                explicit(properties, NUM_THREADS_PROPERTY).orElse(fallback.intraOpThreads),
                explicit(properties, NUM_INTEROP_THREADS_PROPERTY).orElse(fallback.interOpThreads));
    }

    /**
     * For a serving process: explicit system properties, else {@link #forCpuCap} at
     * {@link #CGROUP_ROOT} with the JVM's available processors.
     */
    public static TorchThreads forThisProcess() {
        TorchThreads fromCap = forCpuCap(CGROUP_ROOT, Runtime.getRuntime().availableProcessors());
        return choose(System.getProperties(), fromCap);
    }

    /** Sets the system properties the engine reads; call before the PyTorch engine loads. */
    public TorchThreads apply() {
        applyTo(System.getProperties());
        return this;
    }

    /** Writes both counts into {@code properties}. */
    public void applyTo(Properties properties) {
        properties.setProperty(NUM_THREADS_PROPERTY, Integer.toString(intraOpThreads));
        properties.setProperty(NUM_INTEROP_THREADS_PROPERTY, Integer.toString(interOpThreads));
    }

    /** Whole CPUs granted by the quota (at least 1), or empty when there is no quota. */
    private static OptionalInt quotaCpus(Path cgroupRoot) {
        Path cpuMax = cgroupRoot.resolve("cpu.max");
        if (Files.isRegularFile(cpuMax)) {
            return fromCpuMax(cpuMax);
        }
        for (Path dir : List.of(cgroupRoot, cgroupRoot.resolve("cpu"), cgroupRoot.resolve("cpu,cpuacct"))) {
            Path quota = dir.resolve("cpu.cfs_quota_us");
            if (Files.isRegularFile(quota)) {
                return wholeCpus(readLong(quota), readLong(dir.resolve("cpu.cfs_period_us")));
            }
        }
        return OptionalInt.empty();
    }

    /** cgroup v2: {@code "<quota> <period>"}, where quota {@code max} means none. */
    private static OptionalInt fromCpuMax(Path cpuMax) {
        String[] fields = read(cpuMax).split("\\s+");
        if (fields.length != 2) {
            throw new IllegalStateException("'" + cpuMax + "': expected '<quota|max> <period>'; got '"
                    + String.join(" ", fields) + "'");
        }
        if ("max".equals(fields[0])) {
            return OptionalInt.empty();
        }
        return wholeCpus(parseLong(cpuMax, fields[0]), parseLong(cpuMax, fields[1]));
    }

    private static OptionalInt wholeCpus(long quotaMicros, long periodMicros) {
        if (quotaMicros <= 0 || periodMicros <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, quotaMicros / periodMicros));
    }

    private static OptionalInt explicit(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " must be a whole number; got '" + value + "'", e);
        }
    }

    private static long readLong(Path file) {
        return parseLong(file, read(file));
    }

    private static long parseLong(Path file, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("'" + file + "': expected a whole number; got '" + value + "'", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cgroup file '" + file + "'", e);
        }
    }
}
