package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinCredentials;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinOutcome;
import io.edgetwin.simulator.twin.TwinSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A twin as a one-replica swarm service: the device's caps as the service's limits (memory, CPU, pids;
 * swarm has no memory+swap limit), CAP_SYS_ADMIN for the core's per-component cgroups, host
 * networking, the deployment document as a swarm config, the core's spool on a volume, and the
 * run's labels on the service, its containers, config and volume. Power loss scales the service to
 * zero with SIGKILL as its stop signal; power-on scales it back to one, a new task with the same
 * volume on the node the scheduler picks. Cap changes are service updates: swarm replaces the task.
 * Commands inside the twin and its cgroup need its task on this engine's node.
 */
final class SwarmTwin implements Twin {

    static final String SPOOL = "/var/edgetwin/spool";
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);

    private final TwinSpec spec;
    private final String service;
    private final String localNode;
    private volatile Task task;
    private boolean closed;

    private SwarmTwin(TwinSpec spec, String service, String localNode) {
        this.spec = spec;
        this.service = service;
        this.localNode = localNode;
    }

    static SwarmTwin start(TwinSpec spec, String image, String localNode) {
        String service = ServiceNames.of(spec.runId(), spec.thingName());
        SwarmTwin twin = new SwarmTwin(spec, service, localNode);
        try {
            DockerCli.run(spec.deploymentJson(), concat(List.of("config", "create"),
                    SwarmNode.labelFlags("--label", spec.runId()), List.of(service, "-")));
            if (spec.credentials() != null) {
                createSecrets(spec, service);
            }
            DockerCli.run(null, createCommand(spec, service, image));
            twin.task = twin.awaitRunning(null);
        } catch (RuntimeException e) {
            twin.close();
            throw new TwinException("twin " + spec.thingName() + " did not start as swarm service " + service + ": "
                    + e.getMessage(), e);
        }
        return twin;
    }

    /** The {@code docker service create} arguments for one twin. */
    static List<String> createCommand(TwinSpec spec, String service, String image) {
        List<String> command = new ArrayList<>(List.of("service", "create", "--detach", "--quiet", "--name", service,
                "--network", "host", "--init", "--cap-add", "CAP_SYS_ADMIN",
                "--restart-condition", "none", "--stop-signal", "SIGKILL", "--no-resolve-image",
                "--limit-memory", Long.toString(spec.device().memoryBytes()),
                "--limit-cpu", String.format(Locale.ROOT, "%.3f", spec.device().cpus()),
                "--config", "source=" + service + ",target=" + DeviceTwin.DEPLOYMENT_PATH + ",mode=0444",
                "--mount", "type=volume,source=" + service + ",target=" + SPOOL + volumeLabels(spec.runId())));
        if (spec.device().pids() > 0) {
            command.addAll(List.of("--limit-pids", Long.toString(spec.device().pids())));
        }
        command.addAll(SwarmNode.labelFlags("--label", spec.runId()));
        command.addAll(SwarmNode.labelFlags("--container-label", spec.runId()));
        spec.environment().forEach((k, v) -> command.addAll(List.of("--env", k + "=" + v)));
        if (spec.credentials() != null) {
            for (IdentityFile file : IdentityFile.values()) {
                command.addAll(List.of("--secret", "source=" + file.secret(service) + ",target=" + file.secret(service)
                        + ",mode=" + file.mode, "--env", file.variable + "=/run/secrets/" + file.secret(service)));
            }
        }
        command.addAll(List.of("--env", "EDGETWIN_THING_NAME=" + spec.thingName(), "--env", "EDGETWIN_BROKER=" + spec.brokerUri(),
                "--env", "EDGETWIN_DEPLOYMENT=" + DeviceTwin.DEPLOYMENT_PATH, image));
        return command;
    }

    private static String volumeLabels(String runId) {
        StringBuilder labels = new StringBuilder();
        SwarmNode.labelFlags("", runId).stream().filter(s -> !s.isEmpty())
                .forEach(label -> labels.append(",volume-label=").append(label));
        return labels.toString();
    }

    /**
     * Waits until the service's newest task other than {@code previous} (the one a power-off or an
     * update ended; null at first) runs; fails with swarm's reason when it ended or was rejected.
     */
    private Task awaitRunning(Task previous) {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        Task last = null;
        while (System.nanoTime() < deadline) {
            last = Task.newest(service);
            if (last != null && previous != null && last.id().equals(previous.id())) {
                last = null;
            } else if (last != null && last.state().equals("running")) {
                return last;
            } else if (last != null && last.ended()) {
                throw new TwinException("its task is " + last.state() + (last.error().isEmpty() ? "" : ": " + last.error()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new TwinException("its task is still " + (last == null ? "not scheduled" : last.state() + " " + last.error())
                + " after " + RUNNING_TIMEOUT.toMinutes() + " min");
    }

    @Override
    public TwinSpec spec() {
        return spec;
    }

    /** The service's name in the swarm. */
    String service() {
        return service;
    }

    @Override
    public String containerId() {
        Task current = task;
        return current != null && current.nodeId().equals(localNode) ? current.containerId() : "";
    }

    @Override
    public long pid() {
        String container = containerId();
        if (container.isEmpty()) {
            return 0;
        }
        String pid = DockerCli.tryRun("inspect", "--format", "{{.State.Pid}}", container);
        return pid == null || pid.isBlank() ? 0 : Long.parseLong(pid.trim());
    }

    @Override
    public boolean isRunning() {
        Task current = Task.newest(service);
        return current != null && current.state().equals("running");
    }

    /** The task's state; an OOM kill shows only when the task's container is on this node. */
    @Override
    public TwinOutcome outcome() {
        Task current = Task.newest(service);
        boolean running = current != null && current.state().equals("running");
        long exit = current == null ? 0 : current.exitCode();
        String container = containerId();
        String oom = container.isEmpty() ? null : DockerCli.tryRun("inspect", "--format", "{{.State.OOMKilled}}", container);
        return new TwinOutcome("true".equals(oom), running, exit);
    }

    @Override
    public String exec(String... command) {
        String container = containerId();
        if (container.isEmpty()) {
            throw new TwinException("twin " + spec.thingName() + " runs on swarm node " + task.nodeId()
                    + ", not this one: commands inside it need that node's engine");
        }
        List<String> args = new ArrayList<>(List.of("exec", container));
        args.addAll(List.of(command));
        return DockerCli.run(null, args);
    }

    @Override
    public void powerOff() {
        DockerCli.run("service", "scale", "--detach", service + "=0");
    }

    @Override
    public void powerOn() {
        DockerCli.run("service", "scale", "--detach", service + "=1");
        task = awaitRunning(task);
    }

    /** A service update: swarm replaces the task with one under the new limits (a restart, unlike {@code docker update}). */
    @Override
    public void updateCaps(Long memoryBytes, Double cpus) {
        List<String> command = new ArrayList<>(List.of("service", "update", "--detach", "--quiet"));
        if (memoryBytes != null) {
            command.addAll(List.of("--limit-memory", Long.toString(memoryBytes)));
        }
        if (cpus != null) {
            command.addAll(List.of("--limit-cpu", String.format(Locale.ROOT, "%.3f", cpus)));
        }
        command.add(service);
        DockerCli.run(null, command);
        task = awaitRunning(task);
    }

    @Override
    public String logs() {
        String logs = DockerCli.tryRun("service", "logs", "--raw", service);
        return logs == null ? "" : logs;
    }

    /** Removes the service, then its config and (on this node) its volume once the task's container is gone. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        DockerCli.tryRun("service", "rm", service);
        awaitNoContainers();
        DockerCli.tryRun("config", "rm", service);
        if (spec.credentials() != null) {
            for (IdentityFile file : IdentityFile.values()) {
                DockerCli.tryRun("secret", "rm", file.secret(service));
            }
        }
        DockerCli.tryRun("volume", "rm", service);
    }

    private void awaitNoContainers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String left = DockerCli.tryRun("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + service);
            if (left == null || left.isBlank()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * The twin's device identity as swarm secrets (the key never touches a config or the service's
     * environment); the core finds each under {@code /run/secrets} through its variable.
     */
    private static void createSecrets(TwinSpec spec, String service) {
        for (IdentityFile file : IdentityFile.values()) {
            DockerCli.run(file.pem(spec.credentials()), concat(List.of("secret", "create"),
                    SwarmNode.labelFlags("--label", spec.runId()), List.of(file.secret(service), "-")));
        }
    }

    /** The three files of a twin's identity: the CA it trusts, its certificate, its key. */
    private enum IdentityFile {
        CA("EDGETWIN_TLS_CA", "0444"), CERT("EDGETWIN_TLS_CERT", "0444"), KEY("EDGETWIN_TLS_KEY", "0400");

        final String variable;
        final String mode;

        IdentityFile(String variable, String mode) {
            this.variable = variable;
            this.mode = mode;
        }

        String secret(String service) {
            return service + "-" + name().toLowerCase(Locale.ROOT);
        }

        String pem(TwinCredentials credentials) {
            return switch (this) {
                case CA -> credentials.caPem();
                case CERT -> credentials.certificatePem();
                case KEY -> credentials.keyPem();
            };
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }
}
