package io.edgetwin.simulator.fault;

/**
 * Carries out {@link Fault.Attack} faults against a twin; the run implements it with the run's
 * identities and broker (docs/security.md).
 */
@FunctionalInterface
public interface Attacks {

    /** For runs that cannot attack: every attack fails with this reason. */
    Attacks NONE = (attack, victim) -> {
        throw new IllegalStateException(attack.kind() + " on " + victim + ": this run has no broker identities to attack with");
    };

    /**
     * Attacks {@code victim}'s identity or topics by a client of its own, as {@code attack} says; returns
     * what happened, for the event.
     */
    String attack(Fault.Attack attack, String victim);

    /**
     * Attacks the victim of {@code scene}: attacks that need the fleet ({@code via: ipc}, {@code cert-revoked})
     * act on it; the others are {@link #attack(Fault.Attack, String)}.
     */
    default String attack(Fault.Attack attack, AttackScene scene) {
        return attack(attack, scene.victim());
    }
}
