package io.edgetwin.simulator.fault;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntPredicate;

/**
 * Which twins the load may be sent to now. A fault marks a twin down (power loss) or all of them
 * (broker outage) until its core is heard again; requests due meanwhile are counted as dropped
 * instead of being sent into a void, so "unanswered" keeps meaning "lost".
 */
public final class Reachability implements IntPredicate {

    private final AtomicIntegerArray down;
    private volatile boolean brokerDown;

    public Reachability(int twins) {
        this.down = new AtomicIntegerArray(twins);
    }

    @Override
    public boolean test(int twin) {
        return !brokerDown && down.get(twin) == 0;
    }

    void twinDown(int twin, boolean isDown) {
        down.set(twin, isDown ? 1 : 0);
    }

    void brokerDown(boolean isDown) {
        brokerDown = isDown;
    }
}
