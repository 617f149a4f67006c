package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinSpec;

/**
 * The seam between the harness and the engine that runs twins. Everything above it (scenario engine,
 * faults, load, observation, reports) asks only for {@link #start}; the engine decides how a
 * {@link TwinSpec} becomes a running {@link Twin}: a container on this host ({@link DockerRuntime}) or a service of a Docker swarm
 * ({@link SwarmRuntime}).
 * A runtime may hold resources of its own for the run; {@link #close()} removes them after every twin
 * it started was closed, and is safe to call twice.
 */
public sealed interface TwinRuntime extends AutoCloseable permits DockerRuntime, SwarmRuntime {

    /** The engine's name as users write it ({@code docker}, {@code swarm}). */
    String name();

    /**
     * The address the twins reach this host at: what the harness's own endpoints for twins (link
     * proxies) bind. Loopback for twins on this host; the advertise address for a swarm.
     */
    String hostAddress();

    /**
     * Makes {@code image} available to every machine that may run a twin, before the first start is
     * timed (the swarm pushes it to its registry); nothing to do for the local engine.
     */
    default void prepare(String image) {
    }

    /**
     * Starts one twin and returns once its engine says it runs (the core's readiness is the caller's
     * to wait for); throws {@link io.edgetwin.simulator.twin.TwinException} saying why it did not start.
     */
    Twin start(TwinSpec spec);

    @Override
    void close();

    /** Twins as containers of the local Docker engine, as edgetwin has always run them. */
    static TwinRuntime docker() {
        return new DockerRuntime();
    }
}
