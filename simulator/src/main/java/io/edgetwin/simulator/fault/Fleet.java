package io.edgetwin.simulator.fault;

import java.time.Duration;
import java.util.List;

/**
 * What faults act on: one variant's running twins (0-based here), their link proxies (when the run has them), the run's broker
 * and the cloud side's deployment channel. The run implements it; faults never see containers directly.
 */
public interface Fleet {

    int size();

    String thing(int twin);

    void powerOff(int twin);

    void powerOn(int twin);

    /** Changes the container's caps; returns the caps read back from its cgroup afterwards, for the event. */
    String updateCaps(int twin, Long memoryBytes, Double cpus);

    /**
     * The twin's link proxy to the broker; only a run whose {@link LinkRoute} is proxied has one (the faults
     * that call this make it so), otherwise an {@link IllegalStateException}.
     */
    LinkProxy link(int twin);

    /** The twin's WAN link to the cloud inference service; empty when its inference runs on the twin. */
    default java.util.Optional<LinkProxy> wan(int twin) {
        return java.util.Optional.empty();
    }

    void brokerDown();

    void brokerUp();

    /** Publishes the variant's deployment plus {@code neighbours} and with {@code limits} applied, as {@code deploymentId}. */
    void deploy(int twin, String deploymentId, List<Fault.Neighbour> neighbours, List<Fault.Limits> limits);

    /** Requests to the twin still waiting for an answer. */
    long inFlightTo(int twin);

    /** Waits until the harness's own broker client is connected again (after a broker outage); false on timeout. */
    boolean awaitHarnessConnected(Duration timeout);

    /**
     * Whether the twin's core announced its MQTT connection (docs/topics.md, {@code connection}) in a
     * message the harness received at or after {@code sinceNanos} (a System.nanoTime value).
     */
    boolean connectedSince(int twin, long sinceNanos);

    /** Waits until the twin's core reports again (a status newer than this call) with the workload target ready; false on timeout. */
    boolean awaitHeard(int twin, Duration timeout);
}
