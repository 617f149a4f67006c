package io.edgetwin.core.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the twin's own cgroup, as mounted read-only at {@code /sys/fs/cgroup} inside the container: the
 * caps Docker applied and the memory the whole device uses. Knows both cgroup v1 (one hierarchy per
 * controller) and v2 (one unified hierarchy, detected by {@code cgroup.controllers}).
 */
public final class DeviceCgroup {

    /** Limits at or above this are the kernel's way of saying "unlimited" on cgroup v1. */
    private static final long V1_UNLIMITED_FLOOR = Long.MAX_VALUE / 2;

    private final Path root;
    private final boolean v2;

    public DeviceCgroup(Path root) {
        this.root = root;
        this.v2 = Files.exists(root.resolve("cgroup.controllers"));
    }

    public boolean isV2() {
        return v2;
    }

    public DeviceCaps caps() {
        return v2 ? capsV2() : capsV1();
    }

    public MemoryUse memory() {
        if (v2) {
            return new MemoryUse(number("memory.current"), numberOr("memory.peak", -1), keyed("memory.events", "oom_kill"));
        }
        return new MemoryUse(number("memory/memory.usage_in_bytes"), number("memory/memory.max_usage_in_bytes"),
                keyed("memory/memory.oom_control", "oom_kill"));
    }

    private DeviceCaps capsV1() {
        long memory = limitV1(number("memory/memory.limit_in_bytes"));
        long swap = Files.exists(root.resolve("memory/memory.memsw.limit_in_bytes"))
                ? limitV1(number("memory/memory.memsw.limit_in_bytes")) : DeviceCaps.UNLIMITED;
        long quota = number("cpu/cpu.cfs_quota_us");
        long period = number("cpu/cpu.cfs_period_us");
        double cpus = quota <= 0 ? DeviceCaps.UNLIMITED : (double) quota / period;
        return new DeviceCaps(memory, swap, cpus, pidsMax("pids/pids.max"));
    }

    private DeviceCaps capsV2() {
        long memory = maxOrUnlimited(text("memory.max"));
        long swap = Files.exists(root.resolve("memory.swap.max")) ? maxOrUnlimited(text("memory.swap.max")) : DeviceCaps.UNLIMITED;
        String[] cpuMax = text("cpu.max").split(" ");
        double cpus = "max".equals(cpuMax[0]) ? DeviceCaps.UNLIMITED : Double.parseDouble(cpuMax[0]) / Double.parseDouble(cpuMax[1]);
        // v2 reports swap beside memory; v1's memsw is memory + swap. Keep v1's meaning in the record.
        long memorySwap = memory == DeviceCaps.UNLIMITED || swap == DeviceCaps.UNLIMITED ? DeviceCaps.UNLIMITED : memory + swap;
        return new DeviceCaps(memory, memorySwap, cpus, pidsMax("pids.max"));
    }

    private long pidsMax(String file) {
        return Files.exists(root.resolve(file)) ? maxOrUnlimited(text(file)) : DeviceCaps.UNLIMITED;
    }

    private static long limitV1(long value) {
        return value >= V1_UNLIMITED_FLOOR ? DeviceCaps.UNLIMITED : value;
    }

    private static long maxOrUnlimited(String value) {
        return "max".equals(value) ? DeviceCaps.UNLIMITED : Long.parseLong(value);
    }

    private long number(String file) {
        return Long.parseLong(text(file));
    }

    private long numberOr(String file, long absent) {
        return Files.exists(root.resolve(file)) ? number(file) : absent;
    }

    private long keyed(String file, String key) {
        if (!Files.exists(root.resolve(file))) {
            return 0;
        }
        return text(file).lines()
                .map(line -> line.split(" "))
                .filter(parts -> parts.length == 2 && parts[0].equals(key))
                .mapToLong(parts -> Long.parseLong(parts[1]))
                .findFirst().orElse(0);
    }

    private String text(String file) {
        try {
            return Files.readString(root.resolve(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cgroup file " + root.resolve(file), e);
        }
    }

    /** Memory the whole device uses now, its peak since start, and the OOM kills inside it. */
    public record MemoryUse(long currentBytes, long peakBytes, long oomKills) {
    }
}
