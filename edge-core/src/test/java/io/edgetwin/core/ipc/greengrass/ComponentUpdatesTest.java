package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Deployments announced to subscribers, and how their answers hold or release a deployment. */
class ComponentUpdatesTest {

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void withoutSubscribersADeploymentGoesAheadAtOnceAndNobodyIsTold() {
        ComponentUpdates updates = new ComponentUpdates(Duration.ofMinutes(1), 10);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> updates.before("d1"));
        updates.after("d1");

        assertEquals(List.of(), heard);
    }

    @Test
    void aSubscriberThatSaysGoAheadReleasesTheDeploymentBeforeTheWindowCloses() {
        ComponentUpdates updates = new ComponentUpdates(Duration.ofMinutes(1), 10);
        answering(updates, "sensor", round -> 0L);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> updates.before("d1"));
        updates.after("d1");

        assertEquals(List.of("sensor pre d1", "sensor post d1"), heard);
    }

    @Test
    void aDeferralHoldsTheDeploymentForItsRecheckTimeThenItIsAnnouncedAgain() {
        ComponentUpdates updates = new ComponentUpdates(Duration.ofMinutes(1), 10);
        answering(updates, "sensor", round -> round == 1 ? 200L : 0L);
        long start = System.nanoTime();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> updates.before("d1"));

        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "held for the recheck time");
        assertEquals(List.of("sensor pre d1", "sensor pre d1"), heard);
    }

    @Test
    void deferralsBeyondTheLimitNoLongerHoldTheDeployment() {
        ComponentUpdates updates = new ComponentUpdates(Duration.ofMinutes(1), 2);
        answering(updates, "sensor", round -> 1L);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> updates.before("d1"));

        assertEquals(3, heard.size(), "announced, deferred twice, then applied anyway: " + heard);
    }

    @Test
    void aSilentSubscriberHoldsTheDeploymentForTheAnswerWindowOnly() {
        ComponentUpdates updates = new ComponentUpdates(Duration.ofMillis(100), 10);
        updates.subscribe("silent", event -> heard.add("silent " + (event.before() ? "pre " : "post ") + event.deploymentId()));
        answering(updates, "sensor", round -> 0L);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> updates.before("d1"));

        assertEquals(2, heard.size(), "both heard it once: " + heard);
    }

    @Test
    void aDeferralForADeploymentNotWaitingForAnswersIsRefused() {
        ComponentUpdates updates = new ComponentUpdates();

        assertEquals(false, updates.defer("d9", new ComponentUpdates.Deferral("sensor", 10, "busy")));
    }

    /** A subscriber that answers each announcement with the recheck time {@code answer} gives for its round. */
    private void answering(ComponentUpdates updates, String component, java.util.function.LongUnaryOperator answer) {
        AtomicInteger round = new AtomicInteger();
        updates.subscribe(component, event -> {
            heard.add(component + " " + (event.before() ? "pre " : "post ") + event.deploymentId());
            if (event.before()) {
                updates.defer(event.deploymentId(), new ComponentUpdates.Deferral(component,
                        answer.applyAsLong(round.incrementAndGet()), ""));
            }
        });
    }
}
