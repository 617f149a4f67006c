package io.edgetwin.simulator.fault;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntPredicate;

/**
 * Which twins the load may be sent to now, and whether the harness can send at all. A power loss marks
 * its twin away until the core is heard again; a broker outage marks the broker down until it is back
 * and the harness's client reconnected, then every twin away until its core announces its connection.
 * Requests due to a twin that is away are dropped instead of being sent into a void, so "unanswered"
 * keeps meaning "lost"; requests due while the broker is down are the harness's, counted as unsent.
 * Faults may overlap: a twin is away while any fault holds it away.
 */
public final class Reachability implements IntPredicate {

    private final AtomicIntegerArray away;
    private volatile boolean brokerDown;

    public Reachability(int twins) {
        this.away = new AtomicIntegerArray(twins);
    }

    /** Whether requests to {@code twin} may be sent now. */
    @Override
    public boolean test(int twin) {
        return away.get(twin) == 0;
    }

    /** Whether the broker is up as far as faults know (false from an outage's start until the harness reconnected). */
    public boolean brokerUp() {
        return !brokerDown;
    }

    void twinAway(int twin) {
        away.incrementAndGet(twin);
    }

    void twinBack(int twin) {
        away.updateAndGet(twin, n -> Math.max(0, n - 1));
    }

    void brokerDown(boolean isDown) {
        brokerDown = isDown;
    }
}
