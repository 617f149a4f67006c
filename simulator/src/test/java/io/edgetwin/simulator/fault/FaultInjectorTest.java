package io.edgetwin.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The injector against a hand-written fleet that records what was done to it. */
class FaultInjectorTest {

    private final RecordingFleet fleet = new RecordingFleet();
    private final Reachability reachability = new Reachability(2);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> recoveries = new CopyOnWriteArrayList<>();
    private final List<Long> backAt = new CopyOnWriteArrayList<>();
    private final FaultInjector injector = new FaultInjector(fleet, reachability,
            (twin, component, kind, detail) -> events.add(kind + " " + twin + " " + detail), new Recoveries() {
                @Override
                public void started(Fault fault, int twin, long atNanos) {
                    recoveries.add(fault.kind() + " started " + twin);
                }

                @Override
                public void back(Fault fault, int twin, long atNanos) {
                    recoveries.add(fault.kind() + " back " + twin);
                    backAt.add(atNanos);
                }
            });

    @Test
    void aPowerLossKillsTheTwinThenPowersItOnAfterItsLengthAndItIsReachableOnceHeard() {
        injector.schedule(List.of(new Fault.PowerLoss(Duration.ofMillis(10), Duration.ofMillis(50), 2)), System.nanoTime());

        await(() -> fleet.actions.contains("on 1"));
        assertThat(fleet.actions).containsSubsequence("off 1", "on 1");
        await(() -> reachability.test(1));
        assertTrue(reachability.test(0), "the other twin was never down");
        assertThat(events).anyMatch(e -> e.startsWith("fault-start t-2 power-loss: container killed"));
        assertThat(events).anyMatch(e -> e.startsWith("fault-end t-2 power-loss"));
        assertThat(recoveries).containsExactly("power-loss started 1", "power-loss back 1");
    }

    @Test
    void afterABrokerOutageTheHarnessSendsOnceItsClientIsBackAndToEachTwinOnceItAnnouncesItsConnection() {
        fleet.harnessConnected = false;
        injector.schedule(List.of(new Fault.BrokerOutage(Duration.ZERO, Duration.ofMillis(30))), System.nanoTime());

        await(() -> fleet.actions.contains("broker up"));
        assertFalse(reachability.brokerUp(), "not before the harness's own client is back");
        fleet.harnessConnected = true;
        await(reachability::brokerUp);
        assertFalse(reachability.test(0) || reachability.test(1), "no twin before it announced its connection");
        fleet.connected.add(1);
        await(() -> reachability.test(1));
        assertFalse(reachability.test(0), "twin 1 is still away");
        fleet.connected.add(0);
        await(() -> reachability.test(0));
        assertThat(fleet.actions).containsSubsequence("broker down", "broker up");
        assertThat(recoveries).containsExactlyInAnyOrder("broker-outage started 0", "broker-outage started 1",
                "broker-outage back 0", "broker-outage back 1");
        assertThat(backAt).as("the broker is back at one moment for every twin").hasSize(2).containsOnly(backAt.get(0));
    }

    @Test
    void aTwinAwayForAPowerLossStaysAwayUntilBothFaultsLetItGo() {
        fleet.heard = false;
        injector.schedule(List.of(new Fault.PowerLoss(Duration.ZERO, Duration.ofMillis(10), 1),
                new Fault.BrokerOutage(Duration.ofMillis(100), Duration.ofMillis(30))), System.nanoTime());

        await(() -> fleet.actions.contains("broker up"));
        fleet.connected.add(0);
        fleet.connected.add(1);
        await(() -> reachability.test(1) && reachability.brokerUp());
        assertFalse(reachability.test(0), "its core was not heard after the power-on");
        fleet.heard = true;
        await(() -> reachability.test(0));
    }

    @Test
    void neighboursAndLimitChangesStackInTheDeploymentsSent() {
        Fault.Neighbour spin = new Fault.Neighbour("neighbour-spin", Duration.ZERO, Duration.ofMillis(600), 1,
                "com.edgetwin.CpuHog", "1.0.0", Map.of());
        Fault.Limits limits = new Fault.Limits(Duration.ofMillis(300), 1, "com.edgetwin.Inference", null, 0.5);
        injector.schedule(List.of(spin, limits), System.nanoTime());

        await(() -> fleet.actions.stream().filter(a -> a.startsWith("deploy")).count() == 3);
        assertThat(fleet.actions.stream().filter(a -> a.startsWith("deploy")).toList())
                .containsExactly("deploy 0 neighbours=1 limits=0", "deploy 0 neighbours=1 limits=1", "deploy 0 neighbours=0 limits=1");
    }

    @Test
    void aLinkFaultChangesOnlyItsTwinsProxyAndClearsItAtTheEnd() throws Exception {
        LinkConditions slow = new LinkConditions(false, Duration.ofMillis(200), 0, 0);
        injector.schedule(List.of(new Fault.Link(Duration.ZERO, Duration.ofMillis(30), 2, slow)), System.nanoTime());

        // The start event is published by another thread than the end's: wait for both, in any order.
        await(() -> events.stream().anyMatch(e -> e.startsWith("fault-end t-2 link"))
                && events.stream().anyMatch(e -> e.startsWith("fault-start t-2 link")));
        assertThat(events).anyMatch(e -> e.startsWith("fault-start t-2 link: latency 200 ms"));
        fleet.close();
    }

    @Test
    void anIpcAttackDeploysTheAttackerOnTheNextTwinAndRemovesItAfterwards() {
        List<String> scenes = new CopyOnWriteArrayList<>();
        injector.withAttacks(new Attacks() {
            @Override
            public String attack(Fault.Attack attack, String victim) {
                throw new AssertionError("an ipc attack needs its scene");
            }

            @Override
            public String attack(Fault.Attack attack, AttackScene scene) {
                scenes.add(scene.attacker() + " attacks " + scene.victim());
                try (AttackScene.Deployed attacker = scene.deployAttacker(Map.of("victim", scene.victim()))) {
                    return "done";
                }
            }
        });
        injector.schedule(List.of(new Fault.Attack("rogue-publish", Duration.ZERO, 1, 5, Fault.Attack.Via.IPC, null)),
                System.nanoTime());

        await(() -> fleet.actions.stream().filter(a -> a.startsWith("deploy")).count() == 2);
        assertThat(scenes).containsExactly("t-2 attacks t-1");
        assertThat(fleet.actions).containsSubsequence("deploy 1 neighbours=1 limits=0",
                "neighbour 1 " + FaultInjector.IPC_ATTACKER + " {victim=t-1}", "deploy 1 neighbours=0 limits=0");
        await(() -> events.contains("fault-start t-1 rogue-publish: done"));
    }

    @Test
    void aRevokedTwinIsSentNothingAfterItsLinkWasCutUnlessItConnectsAgain() {
        List<Boolean> connects = new CopyOnWriteArrayList<>();
        injector.withAttacks(new Attacks() {
            @Override
            public String attack(Fault.Attack attack, String victim) {
                throw new AssertionError("cert-revoked needs its scene");
            }

            @Override
            public String attack(Fault.Attack attack, AttackScene scene) {
                long since = scene.reconnectVictim();
                connects.add(scene.victimConnects(since, Duration.ofMillis(200)));
                return "revoked";
            }
        });
        injector.schedule(List.of(new Fault.Attack("cert-revoked", Duration.ZERO, 2, 1)), System.nanoTime());

        await(() -> connects.size() == 1);
        assertThat(connects).containsExactly(false);
        assertFalse(reachability.test(1), "the revoked twin is sent nothing");
        assertTrue(reachability.test(0), "the other twin is untouched");
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Records every action; twins report again at once unless {@code heard} is false. */
    private static final class RecordingFleet implements Fleet, AutoCloseable {
        final List<String> actions = new CopyOnWriteArrayList<>();
        final List<LinkProxy> links = new CopyOnWriteArrayList<>();
        volatile boolean heard = true;
        volatile boolean harnessConnected = true;
        final List<Integer> connected = new CopyOnWriteArrayList<>();

        RecordingFleet() {
            try {
                links.add(new LinkProxy(1, 1));
                links.add(new LinkProxy(1, 2));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public String thing(int twin) {
            return "t-" + (twin + 1);
        }

        @Override
        public void powerOff(int twin) {
            actions.add("off " + twin);
        }

        @Override
        public void powerOn(int twin) {
            actions.add("on " + twin);
        }

        @Override
        public String updateCaps(int twin, Long memoryBytes, Double cpus) {
            actions.add("caps " + twin);
            return "memory " + memoryBytes + " B, cpus " + cpus;
        }

        @Override
        public LinkProxy link(int twin) {
            return links.get(twin);
        }

        @Override
        public void brokerDown() {
            actions.add("broker down");
        }

        @Override
        public void brokerUp() {
            actions.add("broker up");
        }

        @Override
        public void deploy(int twin, String deploymentId, List<Fault.Neighbour> neighbours, List<Fault.Limits> limits) {
            actions.add("deploy " + twin + " neighbours=" + neighbours.size() + " limits=" + limits.size());
            neighbours.forEach(n -> actions.add("neighbour " + twin + " " + n.component() + " " + new java.util.TreeMap<>(n.configuration())));
        }

        @Override
        public long inFlightTo(int twin) {
            return 0;
        }

        @Override
        public boolean awaitHarnessConnected(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!harnessConnected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return harnessConnected;
        }

        @Override
        public boolean connectedSince(int twin, long sinceNanos) {
            return connected.contains(twin);
        }

        @Override
        public boolean awaitHeard(int twin, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!heard && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return heard;
        }

        @Override
        public void close() throws Exception {
            for (LinkProxy link : links) {
                link.close();
            }
        }
    }
}
