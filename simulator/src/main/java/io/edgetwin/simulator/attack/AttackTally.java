package io.edgetwin.simulator.attack;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one variant's attacks did: forbidden messages and connections tried ({@code attempts}), those the
 * broker refused or did not deliver ({@code refused}), forbidden messages that reached another thing
 * ({@code delivered}) and forbidden connections it let in ({@code admitted}). On an mTLS variant the
 * last two must be zero.
 */
public final class AttackTally {

    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();

    /** Adds what one attack did. */
    public void add(long tried, long refusedNow, long deliveredNow, long admittedNow) {
        attempts.addAndGet(tried);
        refused.addAndGet(refusedNow);
        delivered.addAndGet(deliveredNow);
        admitted.addAndGet(admittedNow);
    }

    public long attempts() {
        return attempts.get();
    }

    public long refused() {
        return refused.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long admitted() {
        return admitted.get();
    }

    /** Forbidden messages delivered plus forbidden connections admitted. */
    public long breaches() {
        return delivered() + admitted();
    }

    /** One line for the run's progress and report. */
    public String sentence() {
        return "attacks: " + attempts() + " forbidden attempt(s), " + refused() + " refused, " + delivered()
                + " message(s) delivered across things, " + admitted() + " forbidden connection(s) admitted";
    }
}
