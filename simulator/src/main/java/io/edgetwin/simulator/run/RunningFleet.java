package io.edgetwin.simulator.run;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.fault.Fleet;
import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.measure.HostCgroup;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.recovery.TwinConnections;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.Twin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One variant's running twins with their link proxies (none when the run's link is direct,
 * {@link io.edgetwin.simulator.fault.LinkRoute}), the run's broker and channel: what faults act on.
 */
final class RunningFleet implements Fleet {

    private final Scenario scenario;
    private final Variant variant;
    private final List<Twin> twins;
    private final List<LinkProxy> links;
    private final Mosquitto broker;
    private final BrokerClient client;
    private final StatusTracker tracker;
    private final TwinConnections connections;
    private final java.util.function.IntFunction<LinkProxy> wans;
    private volatile LoadDriver driver;

    /** {@code wans}: each twin's (0-based) WAN link to the cloud inference service, null in an edge placement. */
    RunningFleet(Scenario scenario, Variant variant, List<Twin> twins, List<LinkProxy> links, Mosquitto broker,
                 BrokerClient client, StatusTracker tracker, TwinConnections connections,
                 java.util.function.IntFunction<LinkProxy> wans) {
        this.scenario = scenario;
        this.variant = variant;
        this.twins = List.copyOf(twins);
        this.links = List.copyOf(links);
        this.broker = broker;
        this.client = client;
        this.tracker = tracker;
        this.connections = connections;
        this.wans = wans;
    }

    void drivenBy(LoadDriver driver) {
        this.driver = driver;
    }

    List<Twin> twins() {
        return twins;
    }

    @Override
    public int size() {
        return twins.size();
    }

    @Override
    public String thing(int twin) {
        return twins.get(twin).spec().thingName();
    }

    @Override
    public void powerOff(int twin) {
        twins.get(twin).powerOff();
    }

    @Override
    public void powerOn(int twin) {
        twins.get(twin).powerOn();
    }

    @Override
    public String updateCaps(int twin, Long memoryBytes, Double cpus) {
        Twin device = twins.get(twin);
        device.updateCaps(memoryBytes, cpus);
        return HostCgroup.of(device.containerId(), device::pid).caps();
    }

    @Override
    public LinkProxy link(int twin) {
        if (links.isEmpty()) {
            throw new IllegalStateException("twin " + thing(twin) + " has no link proxy: its core connects straight to the"
                    + " broker (link: direct), as the run injects no link fault");
        }
        return links.get(twin);
    }

    @Override
    public java.util.Optional<LinkProxy> wan(int twin) {
        return java.util.Optional.ofNullable(wans.apply(twin));
    }

    @Override
    public void brokerDown() {
        broker.close();
    }

    @Override
    public void brokerUp() {
        try {
            broker.restart(Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto again after the outage", e);
        }
    }

    @Override
    public void deploy(int twin, String deploymentId, List<Fault.Neighbour> neighbours, List<Fault.Limits> limits) {
        String document = DeploymentDocument.of(scenario, variant, deploymentId, neighbours, limits);
        client.publish("edgetwin/" + thing(twin) + "/deployment", document.getBytes(StandardCharsets.UTF_8), 1);
    }

    @Override
    public long inFlightTo(int twin) {
        LoadDriver d = driver;
        return d == null ? 0 : d.inFlightTo(twin);
    }

    @Override
    public boolean awaitHarnessConnected(Duration timeout) {
        return client.awaitConnected(timeout);
    }

    @Override
    public boolean connectedSince(int twin, long sinceNanos) {
        return connections.firstSince(thing(twin), sinceNanos).isPresent();
    }

    @Override
    public boolean awaitHeard(int twin, Duration timeout) {
        TwinStatus before = tracker.latest(thing(twin)).orElse(null);
        String target = scenario.workload().target();
        try {
            tracker.await(thing(twin), s -> s != before && s.isReady(target), timeout);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * An observer of this fleet: each twin's cgroup read from the host (none for a twin on another
     * machine), with the device's caps and the variant's component limits to read the figures against.
     */
    Observer observer(Variant variant, Clock clock) {
        Map<String, HostCgroup> cgroups = new LinkedHashMap<>();
        Map<String, Observer.Limits> limits = new LinkedHashMap<>();
        for (Twin twin : twins()) {
            String thing = twin.spec().thingName();
            // a twin on another machine has no cgroup here: its figures come from its core's status
            cgroups.put(thing, twin.containerId().isEmpty() ? null : HostCgroup.following(twin::containerId, twin::pid));
            limits.put(thing + "/device", new Observer.Limits(twin.spec().device().memoryBytes(), twin.spec().device().cpus()));
            variant.limits().forEach((component, l) -> limits.put(thing + "/" + component,
                    new Observer.Limits(l.memoryKb() == null ? null : l.memoryKb() * 1024, l.cpus())));
        }
        return new Observer(cgroups, limits, clock);
    }
}
