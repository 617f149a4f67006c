package io.edgetwin.core.deployment;

import io.edgetwin.core.component.ComponentSpec;
import io.edgetwin.core.component.ComponentState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a deployment's components may start now: every component whose HARD dependencies in the
 * deployment run (or finished). Components with no dependency between them start together, in one
 * wave; a dependent starts as soon as what it needs is up, without waiting for unrelated components
 * that were listed before it. Components are returned in the order given (the
 * {@link DependencyOrder}); a dependency that is neither waiting to start nor known to
 * {@code states} (an absent SOFT dependency) does not hold anything back.
 */
final class StartWaves {

    /** A component that cannot start yet, the HARD dependency it waits for and that dependency's state (null: not started). */
    record Waiting(String component, String dependency, ComponentState state) {
    }

    private StartWaves() {
    }

    /**
     * The components of {@code pending} that may start now, given the states of the components
     * already started ({@code states}, null for a name not started).
     *
     * @throws DeploymentException when a HARD dependency of a pending component is BROKEN: it will never start
     */
    static List<ComponentSpec> startable(List<ComponentSpec> pending, Function<String, ComponentState> states) {
        Set<String> notStarted = names(pending);
        List<ComponentSpec> now = new ArrayList<>();
        for (ComponentSpec spec : pending) {
            Optional<Waiting> waiting = waitingFor(spec, notStarted, states);
            if (waiting.isEmpty()) {
                now.add(spec);
            } else if (waiting.get().state() == ComponentState.BROKEN) {
                throw notStarted(waiting.get());
            }
        }
        return now;
    }

    /**
     * What holds {@code pending} back when none of it can start: the first component waiting for a
     * dependency that started but is not up (the root of the wait), else the first one waiting.
     */
    static Waiting blocker(List<ComponentSpec> pending, Function<String, ComponentState> states) {
        Set<String> notStarted = names(pending);
        Waiting first = null;
        for (ComponentSpec spec : pending) {
            Optional<Waiting> waiting = waitingFor(spec, notStarted, states);
            if (waiting.isPresent() && waiting.get().state() != null) {
                return waiting.get();
            }
            if (first == null && waiting.isPresent()) {
                first = waiting.get();
            }
        }
        if (first == null) {
            throw new IllegalStateException("nothing in " + notStarted + " waits for a dependency");
        }
        return first;
    }

    private static Set<String> names(List<ComponentSpec> specs) {
        Set<String> names = new HashSet<>();
        specs.forEach(spec -> names.add(spec.name()));
        return names;
    }

    /** The first HARD dependency {@code spec} still waits for, if any. */
    static Optional<Waiting> waitingFor(ComponentSpec spec, Set<String> notStarted, Function<String, ComponentState> states) {
        for (String name : spec.dependencies().keySet()) {
            if (!spec.needs(name)) {
                continue;
            }
            if (notStarted.contains(name)) {
                return Optional.of(new Waiting(spec.name(), name, null));
            }
            ComponentState state = states.apply(name);
            if (state != null && state != ComponentState.RUNNING && state != ComponentState.FINISHED) {
                return Optional.of(new Waiting(spec.name(), name, state));
            }
        }
        return Optional.empty();
    }

    /** The error of a component that was not started because of what it waited for. */
    static DeploymentException notStarted(Waiting waiting) {
        return new DeploymentException("component '" + waiting.component() + "' was not started: its HARD dependency '"
                + waiting.dependency() + "' is " + (waiting.state() == null ? "not started" : waiting.state()));
    }
}
