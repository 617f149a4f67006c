package io.edgetwin.simulator;

import io.edgetwin.simulator.scenario.Engine;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.runtime.EngineChoice;
import picocli.CommandLine.Option;

/**
 * {@code --engine}, {@code --advertise-address} and {@code --registry}: which engine runs the twins and
 * how its nodes reach this host (docs/scale.md). {@code --engine} wins over the scenario's {@code engine}.
 * A value that cannot work is bad input (exit 2), named with what was expected.
 */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "docker|swarm",
            description = "run the twins as containers of this host's Docker engine, or as services of a Docker swarm"
                    + " (default: the scenario's engine, else docker; docs/scale.md)")
    String engine;

    @Option(names = "--advertise-address", paramLabel = "ADDRESS",
            description = "the address the swarm's nodes reach this host at; the twins' links and the registry bind it"
                    + " (default 127.0.0.1: a single-node swarm)")
    String advertiseAddress = EngineChoice.LOOPBACK;

    @Option(names = "--registry", paramLabel = "HOST:PORT",
            description = "a registry every swarm node can pull from (default: Debian's docker-registry started on this"
                    + " host for the run)")
    String registry;

    Scenario apply(Scenario scenario) {
        if (engine == null) {
            return scenario;
        }
        return scenario.withEngine(parsed(engine));
    }

    EngineChoice choice() {
        Engine chosen = engine == null ? Engine.DOCKER : parsed(engine);
        try {
            return new EngineChoice(chosen, advertiseAddress, registry);
        } catch (IllegalArgumentException e) {
            throw new TwinException(e.getMessage());
        }
    }

    private static Engine parsed(String text) {
        try {
            return Engine.of(text);
        } catch (IllegalArgumentException e) {
            throw new TwinException("--" + e.getMessage());
        }
    }
}
