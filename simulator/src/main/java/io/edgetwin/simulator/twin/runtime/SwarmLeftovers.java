package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.Labels;
import java.util.function.Consumer;

/**
 * What a killed swarm run left behind, removed at the next start as leftover containers are: services,
 * configs, secrets and volumes labelled {@link Labels#MANAGED} whose owning process is gone, and a swarm such a
 * run initialised ({@link SwarmNode#CREATED_BY}) once nothing of a live run is in it. A swarm the user
 * made carries no such label and is left alone. Costs one {@code docker info} when this engine is in no swarm.
 */
public final class SwarmLeftovers {

    private SwarmLeftovers() {
    }

    /** Returns how many services, configs, secrets and volumes were removed. */
    public static int reap(Consumer<String> progress) {
        String state = DockerCli.tryRun("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}");
        if (state == null || !state.equals("active true")) {
            return 0;
        }
        int removed = 0;
        for (String kind : new String[] {"service", "config", "secret", "volume"}) {
            removed += reapKind(kind, progress);
        }
        leaveOrphanedSwarm(progress);
        return removed;
    }

    private static int reapKind(String kind, Consumer<String> progress) {
        String listed = DockerCli.tryRun(kind, "ls", "--filter", "label=" + Labels.MANAGED + "=true", "--format", "{{.Name}}");
        int removed = 0;
        for (String name : listed == null ? new String[0] : listed.split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            String owner = DockerCli.tryRun(kind, "inspect", "--format", "{{index " + (kind.equals("volume") ? ".Labels" : ".Spec.Labels") + " \"" + Labels.OWNER_PID + "\"}}", name);
            if (!alive(owner)) {
                progress.accept("removing leftover swarm " + kind + " " + name + " of a run that ended without cleaning up");
                DockerCli.tryRun(kind, "rm", name);
                removed++;
            }
        }
        return removed;
    }

    private static void leaveOrphanedSwarm(Consumer<String> progress) {
        String creator = DockerCli.tryRun("node", "inspect", "self", "--format",
                "{{index .Spec.Labels \"" + SwarmNode.CREATED_BY + "\"}}");
        String services = DockerCli.tryRun("service", "ls", "--quiet");
        if (creator != null && !creator.isBlank() && !alive(creator) && services != null && services.isBlank()) {
            progress.accept("leaving the single-node swarm a run (pid " + creator.trim() + ") initialised and did not leave");
            DockerCli.tryRun("swarm", "leave", "--force");
            DockerCli.tryRun("network", "rm", SwarmNode.GATEWAY_BRIDGE);
        }
    }

    private static boolean alive(String pid) {
        if (pid == null || pid.isBlank() || "<no value>".equals(pid.trim())) {
            return false;
        }
        try {
            long owner = Long.parseLong(pid.trim());
            return owner == ProcessHandle.current().pid() || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
