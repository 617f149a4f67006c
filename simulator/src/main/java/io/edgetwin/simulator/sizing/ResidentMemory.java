package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The sized component's anonymous resident memory, read from the host once a second while it serves
 * ({@link io.edgetwin.simulator.measure.ContainerCgroup#residentBytes}: v1 {@code total_rss}, v2 {@code anon}). The
 * cgroup's usage, which the core's status reports, also counts the page cache of the files the component read;
 * how much of that cache is charged to the component depends on whether the host had those files cached before
 * (a file already cached is charged to whoever read it first), so the usage at the top can lie far above what the
 * component needs under a cap. The anonymous part does not depend on the host's cache.
 */
final class ResidentMemory {

    private final Supplier<OptionalLong> residentBytes;
    private final BooleanSupplier serving;
    private final List<Long> readings = new ArrayList<>();

    /**
     * @param residentBytes the cgroup's anonymous resident bytes; empty when it cannot be read now
     * @param serving       whether the component serves now (readings before are not kept)
     */
    ResidentMemory(Supplier<OptionalLong> residentBytes, BooleanSupplier serving) {
        this.residentBytes = residentBytes;
        this.serving = serving;
    }

    /** Takes one reading if the component serves and the cgroup can be read. */
    synchronized void sample() {
        if (serving.getAsBoolean()) {
            residentBytes.get().ifPresent(readings::add);
        }
    }

    /** The level the readings settle at, as for the usage ({@link Usage#settledLevel}); 0 without any. */
    synchronized long settled() {
        return Usage.settledLevel(readings.stream().mapToLong(Long::longValue).toArray());
    }
}
