package io.edgetwin.simulator.sizing;

import java.util.Locale;

/** Why a trial was run: the steps of the search, in order (docs/sizing.md). */
public enum Phase {
    /** Both caps at the top of their ranges: if this fails, nothing in the ranges can pass. */
    TOP,
    /** Memory bisection at the top of the CPU range. */
    MEMORY,
    /** CPU bisection at the memory the memory search found. */
    CPU,
    /** The minimum pair measured a second time. */
    JOINT,
    /** The recommendation (minimum plus headroom), exactly as it would be deployed. */
    CONFIRM,
    /** A point of the dense memory grid the search is measured against ({@link GridScan}). */
    GRID;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
