package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.Labels;
import io.edgetwin.simulator.twin.TwinException;
import java.util.function.Consumer;

/**
 * This engine's place in a Docker swarm. A manager of an existing swarm is used as it is and left as
 * it was; an engine in no swarm initialises a single-node one advertised at the given address, labels
 * its node as this process's (so a killed run's swarm is recognised at the next start) and leaves it
 * again at {@link #close()}, removing the {@code docker_gwbridge} network {@code swarm init} made
 * (leaving does not). A worker cannot create services: it is refused with what to do instead.
 */
final class SwarmNode implements AutoCloseable {

    /** Node label naming the process that initialised the swarm; absent on a swarm the user made. */
    static final String CREATED_BY = "edgetwin.created-by-pid";

    static final String GATEWAY_BRIDGE = "docker_gwbridge";

    private final String nodeId;
    private final boolean created;
    private final boolean bridgeBefore;
    private boolean left;

    private SwarmNode(String nodeId, boolean created, boolean bridgeBefore) {
        this.nodeId = nodeId;
        this.created = created;
        this.bridgeBefore = bridgeBefore;
    }

    static SwarmNode join(String advertiseAddress, Consumer<String> progress) {
        String[] state = DockerCli.run("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").split(" ");
        switch (state[0]) {
            case "inactive" -> {
                boolean bridgeBefore = DockerCli.tryRun("network", "inspect", GATEWAY_BRIDGE) != null;
                DockerCli.run("swarm", "init", "--advertise-addr", advertiseAddress);
                String id = localNodeId();
                DockerCli.run("node", "update", "--label-add", CREATED_BY + "=" + ProcessHandle.current().pid(), id);
                progress.accept("initialised a single-node swarm advertised at " + advertiseAddress
                        + " (it is left again when the run ends)");
                return new SwarmNode(id, true, bridgeBefore);
            }
            case "active" -> {
                if (!"true".equals(state.length > 1 ? state[1] : "")) {
                    throw new TwinException("this Docker engine is a worker of a swarm; run edgetwin on a manager node"
                            + " (`docker node ls` there lists the nodes)");
                }
                progress.accept("using this engine's swarm (" + DockerCli.run("info", "--format", "{{.Swarm.Nodes}}")
                        + " node(s)); it is left as it is when the run ends");
                return new SwarmNode(localNodeId(), false, true);
            }
            default -> throw new TwinException("this Docker engine's swarm is '" + state[0]
                    + "'; expected inactive (edgetwin initialises one) or active on a manager");
        }
    }

    static String localNodeId() {
        return DockerCli.run("info", "--format", "{{.Swarm.NodeID}}");
    }

    String nodeId() {
        return nodeId;
    }

    boolean created() {
        return created;
    }

    /** Labels of what the run creates in the swarm, as on its containers. */
    static java.util.List<String> labelFlags(String flag, String runId) {
        java.util.List<String> flags = new java.util.ArrayList<>();
        Labels.forRun(runId).forEach((k, v) -> {
            flags.add(flag);
            flags.add(k + "=" + v);
        });
        return flags;
    }

    /** Leaves the swarm when this run created it; safe to call twice. */
    @Override
    public synchronized void close() {
        if (created && !left) {
            left = true;
            DockerCli.run("swarm", "leave", "--force");
            if (!bridgeBefore) {
                DockerCli.tryRun("network", "rm", GATEWAY_BRIDGE);
            }
        }
    }
}
