package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.scenario.Engine;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Which engine a run's twins run on and how to reach it: the address the twins reach this host at
 * ({@code --advertise-address}; loopback unless the swarm has other nodes) and, for the swarm, the
 * registry its nodes pull the twin image from ({@code --registry HOST:PORT}; null starts Debian's
 * {@code docker-registry} on this host for the run).
 */
public record EngineChoice(Engine engine, String advertiseAddress, String registry) {

    public static final String LOOPBACK = "127.0.0.1";

    public EngineChoice {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(advertiseAddress, "advertiseAddress");
        if (!advertiseAddress.matches("[A-Za-z0-9.:-]+")) {
            throw new IllegalArgumentException("--advertise-address '" + advertiseAddress
                    + "'; expected an IP address or host name the swarm's nodes reach this host at");
        }
        if (registry != null && !registry.matches("[A-Za-z0-9.-]+(:\\d{1,5})?(/[a-z0-9._/-]+)?")) {
            throw new IllegalArgumentException("--registry '" + registry + "'; expected HOST:PORT of a registry, e.g. 10.0.0.5:5000");
        }
    }

    /** The docker engine on this host, everything on loopback: what a run does unless told otherwise. */
    public static EngineChoice docker() {
        return new EngineChoice(Engine.DOCKER, LOOPBACK, null);
    }

    public EngineChoice withEngine(Engine other) {
        return new EngineChoice(other, advertiseAddress, registry);
    }

    /** Opens the engine for one run; {@code runDir} holds what the run itself serves (the registry's store). */
    public TwinRuntime open(Path runDir, String runId, Consumer<String> progress) {
        return switch (engine) {
            case DOCKER -> TwinRuntime.docker();
            case SWARM -> SwarmRuntime.open(this, runDir, runId, progress);
        };
    }
}
