package io.edgetwin.simulator.twin.runtime;

import java.util.List;

/**
 * One swarm task of a service as {@code docker inspect} shows it: its state ({@code new … running,
 * complete, failed, shutdown, rejected}), the node it was placed on, its container there and its error.
 */
record Task(String id, String state, String nodeId, String containerId, long exitCode, String error) {

    private static final List<String> ENDED = List.of("complete", "failed", "shutdown", "rejected", "orphaned", "remove");

    boolean ended() {
        return ENDED.contains(state);
    }

    /** The service's newest task, or null before swarm created one. */
    static Task newest(String service) {
        String ids = DockerCli.tryRun("service", "ps", "--quiet", "--no-trunc", service);
        if (ids == null || ids.isBlank()) {
            return null;
        }
        String id = ids.lines().findFirst().orElseThrow().trim();
        String line = DockerCli.tryRun("inspect", "--format",
                "{{.Status.State}}|{{.NodeID}}|{{.Status.ContainerStatus.ContainerID}}|{{.Status.ContainerStatus.ExitCode}}|{{.Status.Err}}",
                id);
        return line == null ? null : parse(id, line);
    }

    static Task parse(String id, String line) {
        String[] f = line.split("\\|", 5);
        long exit = f.length > 3 && f[3].matches("-?\\d+") ? Long.parseLong(f[3]) : 0;
        return new Task(id, f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "", exit, f.length > 4 ? f[4] : "");
    }
}
