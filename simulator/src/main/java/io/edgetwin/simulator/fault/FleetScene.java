package io.edgetwin.simulator.fault;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link AttackScene} of one attack on a running fleet: the attacker component is a neighbour of the
 * attacking twin's deployment (added, then removed, through the injector's stacked deployments), and the
 * victim's link is its link proxy.
 */
final class FleetScene implements AttackScene {

    /** The component that attacks through IPC (recipe shipped in the twin image). */
    static final String IPC_ATTACKER = "com.edgetwin.IpcAttacker";
    /** How long a cert-revoked attack cuts the victim's link, so its core drops the connection and dials again. */
    private static final Duration RECONNECT_CUT = Duration.ofMillis(300);
    private static final Duration IN_FLIGHT_PATIENCE = Duration.ofSeconds(2);

    /** Adds ({@code add}) or removes a neighbour of {@code twin}'s deployment and deploys the result. */
    @FunctionalInterface
    interface Neighbours {
        void change(int twin, Fault.Neighbour component, boolean add);
    }

    private final Fleet fleet;
    private final Reachability reachability;
    private final Fault.Attack attack;
    private final int victim;
    private final int attacker;
    private final Neighbours neighbours;

    /** {@code attacker} is the 0-based attacking twin, or -1 for an attack by a client of its own. */
    FleetScene(Fleet fleet, Reachability reachability, Fault.Attack attack, int victim, int attacker, Neighbours neighbours) {
        this.fleet = fleet;
        this.reachability = reachability;
        this.attack = attack;
        this.victim = victim;
        this.attacker = attacker;
        this.neighbours = neighbours;
    }

    @Override
    public String victim() {
        return fleet.thing(victim);
    }

    @Override
    public String attacker() {
        return attacker < 0 ? null : fleet.thing(attacker);
    }

    @Override
    public Deployed deployAttacker(Map<String, Object> configuration) {
        if (attacker < 0) {
            throw new IllegalStateException(attack.kind() + " on " + victim() + " runs by a client of its own, not via ipc");
        }
        Fault.Neighbour component = new Fault.Neighbour(attack.kind(), attack.at(), Duration.ZERO, attacker + 1, IPC_ATTACKER,
                "1.0.0", configuration);
        neighbours.change(attacker, component, true);
        return () -> neighbours.change(attacker, component, false);
    }

    @Override
    public long reconnectVictim() {
        reachability.twinAway(victim);
        long deadline = System.nanoTime() + IN_FLIGHT_PATIENCE.toNanos();
        while (fleet.inFlightTo(victim) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        fleet.link(victim).apply(new LinkConditions(true, Duration.ZERO, 0, 0));
        LockSupport.parkNanos(RECONNECT_CUT.toNanos());
        fleet.link(victim).apply(LinkConditions.CLEAR);
        return System.nanoTime();
    }

    @Override
    public boolean victimConnects(long sinceNanos, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!fleet.connectedSince(victim, sinceNanos)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    @Override
    public void victimBack() {
        reachability.twinBack(victim);
    }
}
