package io.edgetwin.core.component;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Greengrass lifecycle states of a component. The enum owns its transitions: an illegal move throws,
 * naming the component and both states, so a lifecycle bug is loud instead of a silent wrong status.
 */
public enum ComponentState {
    NEW, INSTALLED, STARTING, RUNNING, STOPPING, ERRORED, BROKEN, FINISHED;

    private Set<ComponentState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(INSTALLED, ERRORED, STOPPING);
            case INSTALLED -> EnumSet.of(STARTING, STOPPING);
            case STARTING -> EnumSet.of(RUNNING, ERRORED, FINISHED, STOPPING);
            case RUNNING -> EnumSet.of(STOPPING, ERRORED, FINISHED);
            case STOPPING -> EnumSet.of(INSTALLED, FINISHED, ERRORED);
            case ERRORED -> EnumSet.of(NEW, INSTALLED, STARTING, BROKEN, STOPPING);
            case BROKEN -> EnumSet.of(NEW);
            case FINISHED -> EnumSet.of(STARTING, INSTALLED);
        };
    }

    public boolean canMoveTo(ComponentState target) {
        return next().contains(target);
    }

    /** Returns {@code target} when the move is legal, else throws naming the component and both states. */
    public ComponentState moveTo(ComponentState target, String component) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("component '" + component + "' cannot move from " + this + " to " + target);
        }
        return target;
    }
}
