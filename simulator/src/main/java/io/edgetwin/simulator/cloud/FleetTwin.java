package io.edgetwin.simulator.cloud;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud side's view of one twin: its latest deployment job and outcome, its components' lifecycle
 * states from its latest status message, and when it was last heard from.
 *
 * @param job             the latest job sent to it; empty when none was
 * @param componentStates component name → lifecycle state ({@code RUNNING}, {@code BROKEN}, ...)
 * @param lastSeen        when its latest status message arrived; empty when none has
 */
public record FleetTwin(String thing, Optional<TwinJob> job, Map<String, String> componentStates, Optional<Instant> lastSeen) {

    public FleetTwin {
        componentStates = Map.copyOf(componentStates);
    }
}
