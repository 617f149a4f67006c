package io.edgetwin.core.ipc.greengrass;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Deployments as components hear of them ({@code SubscribeToComponentUpdates}) and answer
 * ({@code DeferComponentUpdate}). The deployer announces an update before it applies it
 * ({@link #announce}), reads the deferrals components sent ({@link #deferrals}) and reports it done
 * ({@link #finished}); between the two, a component may defer by the announced deployment id.
 */
public final class ComponentUpdates {

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Deferral>> deferralsByDeployment = new ConcurrentHashMap<>();

    /** What a component hears: before (with whether the core restarts) or after a deployment. */
    public record Event(String deploymentId, boolean before, boolean coreRestarting) {
        public Event {
            Objects.requireNonNull(deploymentId, "deploymentId");
        }
    }

    /** A component asked to apply the deployment later, after {@code recheckAfterMs}. */
    public record Deferral(String component, long recheckAfterMs, String message) {
        public Deferral {
            Objects.requireNonNull(component, "component");
            if (recheckAfterMs < 0) {
                throw new IllegalArgumentException("recheckAfterMs is " + recheckAfterMs + "; expected 0 or more");
            }
        }
    }

    private record Listener(String component, Consumer<Event> onEvent) {
    }

    public AutoCloseable subscribe(String component, Consumer<Event> onEvent) {
        Listener listener = new Listener(component, onEvent);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every subscribed component a deployment is about to apply; opens it to deferrals. */
    public void announce(String deploymentId, boolean coreRestarting) {
        deferralsByDeployment.putIfAbsent(deploymentId, new ConcurrentHashMap<>());
        Event event = new Event(deploymentId, true, coreRestarting);
        listeners.forEach(l -> l.onEvent().accept(event));
    }

    /** Tells every subscribed component the deployment was applied; deferrals for it are no longer taken. */
    public void finished(String deploymentId) {
        deferralsByDeployment.remove(deploymentId);
        Event event = new Event(deploymentId, false, false);
        listeners.forEach(l -> l.onEvent().accept(event));
    }

    /** Records a deferral; false when no deployment with that id is announced and unfinished. */
    public boolean defer(String deploymentId, Deferral deferral) {
        Map<String, Deferral> deferrals = deferralsByDeployment.get(deploymentId);
        if (deferrals == null) {
            return false;
        }
        deferrals.put(deferral.component(), deferral);
        return true;
    }

    public List<Deferral> deferrals(String deploymentId) {
        return List.copyOf(deferralsByDeployment.getOrDefault(deploymentId, Map.of()).values());
    }

    public int listeners() {
        return listeners.size();
    }
}
