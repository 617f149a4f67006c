package io.edgetwin.report;

import java.time.Instant;
import java.util.Map;

/**
 * One twin of the fleet at the end of a variant: its deployment and how its components ended.
 *
 * @param deploymentId     the last deployment the twin reported; {@code null} before any
 * @param deploymentStatus that deployment's status ({@code SUCCESSFUL}, {@code FAILED}, ...)
 * @param components       per component, its last lifecycle state
 * @param lastSeen         when the harness last heard from the twin; {@code null} if never
 * @param reconnects       how often its MQTT connection was re-established during the run
 */
public record FleetTwin(String name, String deploymentId, String deploymentStatus, Map<String, String> components,
                        Instant lastSeen, long reconnects) {

    public FleetTwin {
        Checks.name("twins.name", name);
        components = Checks.orderedCopy("twins.components", components);
        Checks.nonNegative("twins.reconnects", reconnects);
    }
}
