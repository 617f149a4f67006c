package io.edgetwin.simulator.sizing;

import java.util.Locale;

/** Why a trial was run: the steps of the search, in order (docs/sizing.md). */
public enum Phase {
    /**
     * Both caps at the top of their ranges: if this fails, nothing in the ranges can pass; if it passes, what
     * the component used brackets the search.
     */
    TOP,
    /** Memory and CPU bisected in the same trial, inside the brackets the top's observation gave. */
    SEARCH,
    /** Memory bisected alone: the CPU bracket has closed, its found cap is used. */
    MEMORY,
    /** CPU bisected alone: the memory bracket has closed, its found cap is used. */
    CPU,
    /** The minimum pair measured a second time. */
    JOINT,
    /** The recommendation (minimum plus headroom), exactly as it would be deployed. */
    CONFIRM,
    /** A point of the dense memory grid the search is measured against ({@link GridScan}). */
    GRID;

    /**
     * Whether an SLO miss of this phase's trials must have served the whole load: it then counts for the memory
     * cap under test (a memory step may come late in the load), so a lost SLO does not stop the trial early.
     */
    boolean needsWholeLoad() {
        return this == SEARCH || this == MEMORY || this == GRID;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
