package io.edgetwin.simulator.sizing;

/**
 * The margin added to the measured minimum, VPA-style (docs/sizing.md): memory × 1.15; after an OOM kill
 * anywhere in the search, max(minimum + 100 MiB, minimum × 1.2), because the component sits on a cliff
 * where one step too low means a kill and a restart rather than slower answers; CPU × 1.15. Memory is
 * rounded up to whole MiB, CPU up to hundredths of a core, both capped to the top of their ranges.
 */
public final class Headroom {

    static final double MEMORY_FACTOR = 1.15;
    static final double CPU_FACTOR = 1.15;
    static final double OOM_FACTOR = 1.2;
    static final long OOM_MARGIN_KB = 100 * 1024;

    private Headroom() {
    }

    public static Caps recommend(Caps minimum, boolean oomSeen, MemoryRange memory, CpuRange cpus) {
        double kb = oomSeen
                ? Math.max(minimum.memoryKb() + OOM_MARGIN_KB, minimum.memoryKb() * OOM_FACTOR)
                : minimum.memoryKb() * MEMORY_FACTOR;
        long memoryKb = Math.min(memory.maxKb(), (long) Math.ceil(kb / 1024) * 1024);
        double cpu = Math.min(cpus.max(), Math.ceil(minimum.cpus() * CPU_FACTOR * 100 - 1e-9) / 100);
        return new Caps(Math.max(memoryKb, minimum.memoryKb()), Math.max(cpu, minimum.cpus()));
    }

    /** The rule as applied, for sizing.json. */
    static String describe(boolean oomSeen) {
        return (oomSeen ? "memory max(minimum + 100 MiB, minimum × 1.2) after an OOM kill in the search"
                : "memory × 1.15") + ", cpus × 1.15; rounded up, capped to the ranges";
    }
}
