package io.edgetwin.simulator.fault;

import java.time.Duration;
import java.util.Map;

/**
 * The twins one attack involves, as the fault injector hands them to {@link Attacks}: the victim, the
 * twin whose component attacks through IPC, and what an attack may do to them (deploy the attacker
 * component, make the victim's core connect again).
 */
public interface AttackScene {

    /** The victim's thing name. */
    String victim();

    /** The thing name of the twin whose component attacks through IPC; null for attacks by a client of their own. */
    String attacker();

    /**
     * Deploys {@code com.edgetwin.IpcAttacker} with {@code configuration} on the attacking twin, beside
     * what runs there; closing it deploys the twin's document without it.
     */
    Deployed deployAttacker(Map<String, Object> configuration);

    /**
     * Stops sending the victim requests (once those in flight are answered, or after 2 s), then cuts its
     * link to the broker for a moment, so its core must connect (and shake hands) again; returns the
     * System.nanoTime at which the link was clear again. The victim is sent nothing until {@link #victimBack()}.
     */
    long reconnectVictim();

    /** Whether the victim's core announced a connection within {@code patience} after {@code sinceNanos}. */
    boolean victimConnects(long sinceNanos, Duration patience);

    /** The victim connected again after {@link #reconnectVictim()}: send it requests again. */
    void victimBack();

    /** An attacker component deployed on a twin; {@link #close()} removes it. */
    interface Deployed extends AutoCloseable {
        @Override
        void close();
    }
}
