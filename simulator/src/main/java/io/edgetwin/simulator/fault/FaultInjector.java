package io.edgetwin.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a variant's faults at their offsets from the start of the measured part, each start and end an
 * event ({@link Events}). Neighbours and limit changes are deployments built on the variant's own,
 * so they stack: a limit change keeps a neighbour that is running, and the other way round.
 */
public final class FaultInjector implements AutoCloseable {

    private static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(60);
    private static final Duration IN_FLIGHT_PATIENCE = Duration.ofSeconds(2);
    /** The component that attacks through IPC (recipe shipped in the twin image). */
    public static final String IPC_ATTACKER = FleetScene.IPC_ATTACKER;

    private final Fleet fleet;
    private final Reachability reachability;
    private final Events events;
    private final Recoveries recoveries;
    private final ScheduledExecutorService timer = new ScheduledThreadPoolExecutor(4, r -> {
        Thread t = new Thread(r, "fault-injector");
        t.setDaemon(true);
        return t;
    });
    private final List<List<Fault.Neighbour>> neighbours = new ArrayList<>();
    private final List<List<Fault.Limits>> limits = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private int deployments;
    private Attacks attacks = Attacks.NONE;

    /** Where fault events go: twin thing name (or null), component (or null), kind, detail. */
    @FunctionalInterface
    public interface Events {
        void event(String twin, String component, String kind, String detail);
    }

    public FaultInjector(Fleet fleet, Reachability reachability, Events events) {
        this(fleet, reachability, events, Recoveries.NONE);
    }

    /** {@code recoveries} is told when a broker outage or a power loss cuts twins off and when they may come back. */
    public FaultInjector(Fleet fleet, Reachability reachability, Events events, Recoveries recoveries) {
        this.fleet = fleet;
        this.reachability = reachability;
        this.events = events;
        this.recoveries = recoveries;
        for (int i = 0; i < fleet.size(); i++) {
            neighbours.add(new ArrayList<>());
            limits.add(new ArrayList<>());
        }
    }

    /** Who carries out {@link Fault.Attack} faults (none: they fail with a reason). */
    public FaultInjector withAttacks(Attacks attacker) {
        this.attacks = attacker;
        return this;
    }

    /** Schedules every fault, offsets counted from {@code measuredStartNanos} (a System.nanoTime value). */
    public void schedule(List<Fault> faults, long measuredStartNanos) {
        for (Fault fault : faults) {
            at(measuredStartNanos, fault.at(), () -> start(fault));
            // Power comes back `length` after the kill, which may wait for answers in flight first.
            if (!fault.length().isZero() && !(fault instanceof Fault.PowerLoss)) {
                at(measuredStartNanos, fault.end(), () -> end(fault));
            }
        }
    }

    /** Faults that could not be injected (the run reports them; they do not stop it). */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void at(long startNanos, Duration offset, Runnable action) {
        after(startNanos + offset.toNanos() - System.nanoTime(), action);
    }

    private void after(long delayNanos, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                failures.add(e);
                events.event(null, null, "fault-failed", e.getMessage());
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void start(Fault fault) {
        if (fault instanceof Fault.BrokerOutage outage) {
            reachability.brokerDown(true);
            fleet.brokerDown();
            long down = System.nanoTime();
            for (int twin = 0; twin < fleet.size(); twin++) {
                recoveries.started(outage, twin, down);
            }
            events.event(null, null, "fault-start", "broker-outage: mosquitto stopped for " + outage.length().toMillis() + " ms");
        } else if (fault instanceof Fault.PowerLoss loss) {
            forTwins(loss, twin -> powerLoss(twin, loss));
        } else if (fault instanceof Fault.Link link) {
            forTwins(link, twin -> {
                fleet.link(twin).apply(link.conditions());
                started(twin, null, link, describe(link.conditions()));
            });
        } else if (fault instanceof Fault.WanOutage outage) {
            forTwins(outage, twin -> started(twin, null, outage, fleet.wan(twin).map(wan -> {
                wan.apply(new LinkConditions(true, java.time.Duration.ZERO, 0, 0));
                return "link to the cloud cut for " + outage.length().toMillis() + " ms";
            }).orElse("no WAN link (inference on the twin): nothing to cut")));
        } else if (fault instanceof Fault.Neighbour n) {
            forTwins(n, twin -> {
                started(twin, n.component(), n, "deploying " + n.component() + " " + n.configuration());
                redeploy(twin, () -> neighbours.get(twin).add(n));
            });
        } else if (fault instanceof Fault.Limits l) {
            forTwins(l, twin -> {
                started(twin, l.component(), l, "systemResourceLimits memory " + l.memoryKb() + " KB, cpus " + l.cpus());
                redeploy(twin, () -> limits.get(twin).add(l));
            });
        } else if (fault instanceof Fault.Attack attack) {
            forTwins(attack, twin -> started(twin, null, attack, attacks.attack(attack, scene(attack, twin))));
        } else if (fault instanceof Fault.DeviceCaps caps) {
            forTwins(caps, twin -> {
                String readBack = fleet.updateCaps(twin, caps.memoryBytes(), caps.cpus());
                started(twin, null, caps, "docker update memory " + caps.memoryBytes() + " B, cpus " + caps.cpus()
                        + "; read back: " + readBack);
            });
        }
    }

    private void end(Fault fault) {
        if (fault instanceof Fault.BrokerOutage) {
            brokerBack(fault);
        } else if (fault instanceof Fault.Link link) {
            forTwins(link, twin -> {
                fleet.link(twin).apply(LinkConditions.CLEAR);
                events.event(fleet.thing(twin), null, "fault-end", "link: clear");
            });
        } else if (fault instanceof Fault.WanOutage outage) {
            forTwins(outage, twin -> {
                fleet.wan(twin).ifPresent(wan -> wan.apply(LinkConditions.CLEAR));
                events.event(fleet.thing(twin), null, "fault-end", "wan-outage: link to the cloud back");
            });
        } else if (fault instanceof Fault.Neighbour n) {
            forTwins(n, twin -> {
                events.event(fleet.thing(twin), n.component(), "fault-end", "removing " + n.component());
                redeploy(twin, () -> neighbours.get(twin).remove(n));
            });
        }
    }

    /**
     * The broker is back: once the harness's own client is connected again it may send, but each twin
     * stays away until its core announces its connection (its subscriptions are made again by then), so
     * nothing is sent into a clean session that is not there yet.
     */
    private void brokerBack(Fault fault) {
        long since = System.nanoTime();
        fleet.brokerUp();
        long back = System.nanoTime();
        events.event(null, null, "fault-end", "broker-outage: mosquitto started again");
        List<Integer> waiting = new ArrayList<>();
        for (int twin = 0; twin < fleet.size(); twin++) {
            recoveries.back(fault, twin, back);
            reachability.twinAway(twin);
            waiting.add(twin);
        }
        if (!fleet.awaitHarnessConnected(RECONNECT_PATIENCE)) {
            events.event(null, null, "fault-failed", "the harness's client did not reconnect within "
                    + RECONNECT_PATIENCE.toSeconds() + " s of the broker's return");
        }
        reachability.brokerDown(false);
        long deadline = System.nanoTime() + RECONNECT_PATIENCE.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(twin -> {
                boolean connected = fleet.connectedSince(twin, since);
                if (connected) {
                    reachability.twinBack(twin);
                }
                return connected;
            });
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        waiting.forEach(twin -> events.event(fleet.thing(twin), null, "fault-failed", "twin did not announce its connection within "
                + RECONNECT_PATIENCE.toSeconds() + " s of the broker's return"));
    }

    private void powerLoss(int twin, Fault.PowerLoss loss) {
        reachability.twinAway(twin);
        long deadline = System.nanoTime() + IN_FLIGHT_PATIENCE.toNanos();
        while (fleet.inFlightTo(twin) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long lost = fleet.inFlightTo(twin);
        fleet.powerOff(twin);
        recoveries.started(loss, twin, System.nanoTime());
        started(twin, null, loss, "container killed (SIGKILL); " + lost + " request(s) were in flight");
        after(loss.length().toNanos(), () -> powerOn(twin, loss));
    }

    private void powerOn(int twin, Fault.PowerLoss loss) {
        fleet.powerOn(twin);
        recoveries.back(loss, twin, System.nanoTime());
        events.event(fleet.thing(twin), null, "fault-end", "power-loss: container started again with its disk state");
        boolean heard = fleet.awaitHeard(twin, RECONNECT_PATIENCE);
        if (heard) {
            reachability.twinBack(twin);
        } else {
            events.event(fleet.thing(twin), null, "fault-failed", "twin not heard within " + RECONNECT_PATIENCE.toSeconds() + " s of power-on");
        }
    }

    /** What {@code attack} on {@code victim} may act on: the attacking twin's deployment, the victim's link. */
    private AttackScene scene(Fault.Attack attack, int victim) {
        int attacker = attack.via() == Fault.Attack.Via.IPC ? attack.attackerOf(victim, fleet.size()) : -1;
        return new FleetScene(fleet, reachability, attack, victim, attacker, (twin, component, add) -> redeploy(twin, () -> {
            if (add) {
                neighbours.get(twin).add(component);
            } else {
                neighbours.get(twin).remove(component);
            }
        }));
    }

    /** Applies {@code change} to the twin's neighbours or limit changes and sends the result, as one step. */
    private synchronized void redeploy(int twin, Runnable change) {
        change.run();
        deployments++;
        String id = fleet.thing(twin) + "-fault-" + deployments;
        fleet.deploy(twin, id, List.copyOf(neighbours.get(twin)), List.copyOf(limits.get(twin)));
    }

    private void started(int twin, String component, Fault fault, String detail) {
        events.event(fleet.thing(twin), component, "fault-start", fault.kind() + ": " + detail);
    }

    private void forTwins(Fault fault, java.util.function.IntConsumer action) {
        if (fault.twin() != null) {
            action.accept(fault.twin() - 1);
            return;
        }
        for (int twin = 0; twin < fleet.size(); twin++) {
            action.accept(twin);
        }
    }

    private static String describe(LinkConditions c) {
        return c.cut() ? "cut" : "latency " + c.latency().toMillis() + " ms, loss " + c.lossPercent() + "%, bandwidth "
                + (c.bytesPerSecond() == 0 ? "unlimited" : c.bytesPerSecond() + " B/s");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
