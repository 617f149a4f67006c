package io.edgetwin.report;

import java.util.List;
import java.util.Objects;

/**
 * What one variant's attacks on device identity and topic policy achieved (docs/security.md,
 * "Attacks"): forbidden messages and connections tried ({@code attempts}), those the broker refused or did
 * not deliver ({@code refused}), forbidden messages delivered to another thing ({@code deliveries}) and
 * forbidden connections admitted ({@code admitted}), in total and per attack. On an mTLS variant the last
 * two must be zero; thresholds read them as {@code security.deliveries} and {@code security.admitted}.
 *
 * @param security the variant's security mode, {@code mtls} or {@code none} (where attacks are counted, not judged)
 */
public record SecurityResult(String security, long attempts, long refused, long deliveries, long admitted,
                             List<Attack> attacks) {

    public SecurityResult {
        Objects.requireNonNull(security, "security");
        Checks.nonNegative("attempts", attempts);
        Checks.nonNegative("refused", refused);
        Checks.nonNegative("deliveries", deliveries);
        Checks.nonNegative("admitted", admitted);
        attacks = List.copyOf(Objects.requireNonNull(attacks, "attacks"));
    }

    /** The totals of {@code attacks}. */
    public static SecurityResult of(String security, List<Attack> attacks) {
        return new SecurityResult(security, attacks.stream().mapToLong(Attack::attempts).sum(),
                attacks.stream().mapToLong(Attack::refused).sum(), attacks.stream().mapToLong(Attack::deliveries).sum(),
                attacks.stream().mapToLong(Attack::admitted).sum(), attacks);
    }

    /** Forbidden messages delivered plus forbidden connections admitted. */
    public long breaches() {
        return deliveries + admitted;
    }

    /**
     * One attack: its fault kind, how the rogue reached the broker ({@code mqtt}: a client of its own;
     * {@code ipc}: a component on {@code attacker} through its core; {@code tls} for the certificate
     * attacks), the victim thing, the counts and what happened in words.
     *
     * @param attacker the attacking thing for {@code via: ipc}, else {@code null}
     */
    public record Attack(String kind, String via, String victim, String attacker, long attempts, long refused,
                         long deliveries, long admitted, String detail) {
        public Attack {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(victim, "victim");
            Checks.nonNegative("attempts", attempts);
            Checks.nonNegative("refused", refused);
            Checks.nonNegative("deliveries", deliveries);
            Checks.nonNegative("admitted", admitted);
            Objects.requireNonNull(detail, "detail");
        }
    }
}
