package io.edgetwin.simulator.attack;

import io.edgetwin.report.SecurityResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one variant's attacks did: forbidden messages and connections tried ({@code attempts}), those the
 * broker refused or did not deliver ({@code refused}), forbidden messages that reached another thing
 * ({@code delivered}) and forbidden connections it let in ({@code admitted}), in total and per attack. On
 * an mTLS variant the last two must be zero.
 */
public final class AttackTally {

    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final List<SecurityResult.Attack> attacks = new CopyOnWriteArrayList<>();

    /** Adds counts to the totals (of one attack while it runs). */
    public void add(long tried, long refusedNow, long deliveredNow, long admittedNow) {
        attempts.addAndGet(tried);
        refused.addAndGet(refusedNow);
        delivered.addAndGet(deliveredNow);
        admitted.addAndGet(admittedNow);
    }

    /** Adds the totals of {@code one} attack, and the attack as a row of its own. */
    public void record(String kind, String via, String victim, String attacker, AttackTally one, String detail) {
        add(one.attempts(), one.refused(), one.delivered(), one.admitted());
        attacks.add(new SecurityResult.Attack(kind, via, victim, attacker, one.attempts(), one.refused(), one.delivered(),
                one.admitted(), detail));
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

    /** The attacks recorded so far, in the order they ended. */
    public List<SecurityResult.Attack> attacks() {
        return List.copyOf(attacks);
    }

    /** What the report says: the totals and every attack, on a variant of {@code security} ({@code mtls} or {@code none}). */
    public SecurityResult result(String security) {
        return new SecurityResult(security, attempts(), refused(), delivered(), admitted(), attacks());
    }

    /** One line for the run's progress and report. */
    public String sentence() {
        return "attacks: " + attempts() + " forbidden attempt(s), " + refused() + " refused, " + delivered()
                + " message(s) delivered across things, " + admitted() + " forbidden connection(s) admitted";
    }
}
