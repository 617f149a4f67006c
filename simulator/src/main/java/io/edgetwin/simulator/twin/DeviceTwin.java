package io.edgetwin.simulator.twin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A running twin: a container of the twin image with the device's caps (memory, memory+swap, NanoCPUs,
 * pids), host networking so all traffic stays on 127.0.0.1, an init process to reap orphans, and
 * what per-component cgroups need inside (CAP_SYS_ADMIN, AppArmor unconfined; see PLATFORM.md).
 */
public final class DeviceTwin implements Twin {

    public static final String DEPLOYMENT_PATH = "/var/edgetwin/deployment.json";

    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final TwinSpec spec;
    private final GenericContainer<?> container;

    private DeviceTwin(TwinSpec spec, GenericContainer<?> container) {
        this.spec = spec;
        this.container = container;
    }

    @SuppressWarnings("resource")
    public static DeviceTwin start(TwinSpec spec) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
                .withImagePullPolicy(image -> false)
                .withNetworkMode("host")
                .withLabels(Labels.forRun(spec.runId()))
                .withEnv(spec.environment())
                .withEnv("EDGETWIN_THING_NAME", spec.thingName())
                .withEnv("EDGETWIN_BROKER", spec.brokerUri())
                .withEnv("EDGETWIN_DEPLOYMENT", DEPLOYMENT_PATH)
                .withCopyToContainer(Transferable.of(spec.deploymentJson().getBytes(StandardCharsets.UTF_8)), DEPLOYMENT_PATH)
                .withStartupCheckStrategy(new RunningCheck(START_PATIENCE))
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("edgetwin-" + spec.runId() + "-" + spec.thingName());
                    cmd.getHostConfig()
                            .withMemory(spec.device().memoryBytes())
                            .withMemorySwap(spec.device().memorySwapBytes())
                            .withNanoCPUs(spec.device().nanoCpus())
                            .withInit(true)
                            .withCapAdd(Capability.SYS_ADMIN)
                            .withSecurityOpts(List.of("apparmor=unconfined"));
                    if (spec.device().pids() > 0) {
                        cmd.getHostConfig().withPidsLimit(spec.device().pids());
                    }
                });
        if (spec.credentials() != null) {
            mountCredentials(container, spec.credentials());
        }
        DeviceTwin twin = new DeviceTwin(spec, container);
        try {
            container.start();
        } catch (RuntimeException e) {
            twin.close();
            throw new TwinException("twin " + spec.thingName() + " did not start: " + e.getMessage(), e);
        }
        return twin;
    }

    /** Connects the Docker client of every twin of this JVM and fails when {@code image} is not on this engine. */
    public static void prepare(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
        } catch (RuntimeException e) {
            throw new TwinException("the twin image " + image + " is not on this Docker engine: " + e.getMessage(), e);
        }
    }

    /** Copies the twin's identity into its container (the key readable by its owner only) and names it to the core. */
    private static void mountCredentials(GenericContainer<?> container, TwinCredentials credentials) {
        container.withCopyToContainer(Transferable.of(credentials.caPem().getBytes(StandardCharsets.UTF_8), 0644), TwinCredentials.CA_PATH)
                .withCopyToContainer(Transferable.of(credentials.certificatePem().getBytes(StandardCharsets.UTF_8), 0644),
                        TwinCredentials.CERT_PATH)
                .withCopyToContainer(Transferable.of(credentials.keyPem().getBytes(StandardCharsets.UTF_8), 0600),
                        TwinCredentials.KEY_PATH)
                .withEnv("EDGETWIN_TLS_CA", TwinCredentials.CA_PATH)
                .withEnv("EDGETWIN_TLS_CERT", TwinCredentials.CERT_PATH)
                .withEnv("EDGETWIN_TLS_KEY", TwinCredentials.KEY_PATH);
    }

    public TwinSpec spec() {
        return spec;
    }

    public String containerId() {
        return container.getContainerId();
    }

    /**
     * The container's init process as the host sees it (Docker's {@code State.Pid}), where its cgroup
     * is found; 0 when it is not running or Docker cannot say (the host's cgroup is then looked for at
     * the cgroup drivers' usual places).
     */
    public long pid() {
        try {
            Long pid = container.getDockerClient().inspectContainerCmd(containerId()).exec().getState().getPidLong();
            return pid == null ? 0 : pid;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public boolean isRunning() {
        return container.isRunning();
    }

    /** Docker's view after the fact: whether the kernel OOM-killed something in the container, and the exit code. */
    public TwinOutcome outcome() {
        DockerClient docker = container.getDockerClient();
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId()).exec().getState();
        return new TwinOutcome(Boolean.TRUE.equals(state.getOOMKilled()), Boolean.TRUE.equals(state.getRunning()),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong());
    }

    /** Runs a command inside the twin and returns what it printed; fails when it exits non-zero. */
    public String exec(String... command) {
        try {
            org.testcontainers.containers.Container.ExecResult result = container.execInContainer(command);
            if (result.getExitCode() != 0) {
                throw new TwinException("'" + String.join(" ", command) + "' in twin " + spec.thingName() + " exited "
                        + result.getExitCode() + ": " + result.getStderr());
            }
            return result.getStdout();
        } catch (java.io.IOException e) {
            throw new TwinException("cannot run a command in twin " + spec.thingName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinException("interrupted while running a command in twin " + spec.thingName(), e);
        }
    }

    /** Power loss: SIGKILL to the whole container, nothing shuts down cleanly; its disk state stays. */
    public void powerOff() {
        container.getDockerClient().killContainerCmd(containerId()).exec();
    }

    /** Power back on: the same container starts again from its disk state (spool, work directories). */
    public void powerOn() {
        container.getDockerClient().startContainerCmd(containerId()).exec();
    }

    /**
     * Changes the container's caps while it runs, with {@code docker update} (the API's update call
     * cannot change NanoCPUs, which the twin was created with). Null leaves a cap as it is.
     */
    public void updateCaps(Long memoryBytes, Double cpus) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("docker", "update"));
        if (memoryBytes != null) {
            command.addAll(java.util.List.of("--memory", Long.toString(memoryBytes), "--memory-swap", Long.toString(memoryBytes)));
        }
        if (cpus != null) {
            command.addAll(java.util.List.of("--cpus", Double.toString(cpus)));
        }
        command.add(containerId());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new TwinException("'" + String.join(" ", command) + "' failed: " + output.trim());
            }
        } catch (java.io.IOException e) {
            throw new TwinException("cannot run docker update for twin " + spec.thingName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinException("interrupted while updating twin " + spec.thingName(), e);
        }
    }

    public String logs() {
        return container.getLogs();
    }

    /** Stops and removes the container; safe to call twice. */
    @Override
    public void close() {
        container.stop();
    }
}
