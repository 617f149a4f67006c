package io.edgetwin.core.ipc.greengrass;

import io.edgetwin.core.deployment.UpdateNotice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments as components hear of them ({@code SubscribeToComponentUpdates}) and answer
 * ({@code DeferComponentUpdate}). As the deployer's {@link UpdateNotice}, {@link #before} announces
 * the deployment to every subscriber and waits until each subscribed component has answered (at most
 * {@code answerWindow}); when one deferred it by {@code recheckAfterMs} > 0, it waits that long and
 * announces again, at most {@code maxDeferrals} times, then lets the deployment go ahead.
 * {@link #after} tells subscribers it was applied. Without subscribers nothing waits.
 */
public final class ComponentUpdates implements UpdateNotice {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentUpdates.class);
    /** The twin's answer window; the nucleus uses the deployment's {@code componentUpdatePolicy} timeout. */
    public static final Duration ANSWER_WINDOW = Duration.ofSeconds(5);
    public static final int MAX_DEFERRALS = 10;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Deferral>> deferralsByDeployment = new ConcurrentHashMap<>();
    private final Object answered = new Object();
    private final Duration answerWindow;
    private final int maxDeferrals;

    public ComponentUpdates() {
        this(ANSWER_WINDOW, MAX_DEFERRALS);
    }

    public ComponentUpdates(Duration answerWindow, int maxDeferrals) {
        if (answerWindow.isNegative() || maxDeferrals < 0) {
            throw new IllegalArgumentException("answerWindow is " + answerWindow + " and maxDeferrals " + maxDeferrals
                    + "; expected neither negative");
        }
        this.answerWindow = answerWindow;
        this.maxDeferrals = maxDeferrals;
    }

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

    @Override
    public void before(String deploymentId) throws InterruptedException {
        for (int round = 0; ; round++) {
            Set<String> subscribers = listeners.stream().map(Listener::component).collect(Collectors.toSet());
            if (subscribers.isEmpty()) {
                return;
            }
            announce(deploymentId, false);
            long recheckAfterMs = awaitAnswers(deploymentId, subscribers).stream()
                    .mapToLong(Deferral::recheckAfterMs).max().orElse(0);
            if (recheckAfterMs == 0) {
                return;
            }
            if (round >= maxDeferrals) {
                LOG.warn("deployment-deferred-too-long deployment={} deferrals={}", deploymentId, round);
                return;
            }
            LOG.info("deployment-deferred deployment={} recheckAfterMs={}", deploymentId, recheckAfterMs);
            pause(TimeUnit.MILLISECONDS.toNanos(recheckAfterMs));
        }
    }

    @Override
    public void after(String deploymentId) {
        finished(deploymentId);
    }

    /** Tells every subscribed component a deployment is about to apply; opens it to (fresh) deferrals. */
    public void announce(String deploymentId, boolean coreRestarting) {
        deferralsByDeployment.put(deploymentId, new ConcurrentHashMap<>());
        Event event = new Event(deploymentId, true, coreRestarting);
        listeners.forEach(l -> l.onEvent().accept(event));
    }

    /** The answers once every subscriber answered or the window closed, whichever came first. */
    private List<Deferral> awaitAnswers(String deploymentId, Set<String> subscribers) throws InterruptedException {
        long deadline = System.nanoTime() + answerWindow.toNanos();
        synchronized (answered) {
            Map<String, Deferral> answers = deferralsByDeployment.getOrDefault(deploymentId, Map.of());
            while (!answers.keySet().containsAll(subscribers) && deadline - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(answered, deadline - System.nanoTime());
            }
            return List.copyOf(answers.values());
        }
    }

    private void pause(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (answered) {
            while (deadline - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(answered, deadline - System.nanoTime());
            }
        }
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
        synchronized (answered) {
            deferrals.put(deferral.component(), deferral);
            answered.notifyAll();
        }
        return true;
    }

    public List<Deferral> deferrals(String deploymentId) {
        return List.copyOf(deferralsByDeployment.getOrDefault(deploymentId, Map.of()).values());
    }

    public int listeners() {
        return listeners.size();
    }
}
