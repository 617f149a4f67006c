package io.edgetwin.simulator.cloud;

import io.edgetwin.simulator.twin.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The cloud inference service of a cloud-placed variant: a container of the twin image (the same
 * model files and the same DJL/PyTorch engine) running {@code io.edgetwin.inference.CloudInference}
 * instead of the edge core, with cloud-sized caps, host networking and a port of its own on 127.0.0.1.
 * Labelled with the run, so a run that was killed is cleaned up at the next start; {@link #close}
 * removes it.
 */
public final class InferenceService implements AutoCloseable {

    /** Cloud-sized: far more memory than a device, and every core of this host. */
    public static final long MEMORY_BYTES = 4L * 1024 * 1024 * 1024;

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final GenericContainer<?> container;
    private final int port;
    private final double cpus;

    private InferenceService(GenericContainer<?> container, int port, double cpus) {
        this.container = container;
        this.port = port;
        this.cpus = cpus;
    }

    /** Starts the service for {@code model} as container {@code edgetwin-<runId>-<name>} and waits until it serves. */
    @SuppressWarnings("resource")
    public static InferenceService start(String image, String runId, String name, String model, double cpus) {
        int port = freePort();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(i -> false)
                .withNetworkMode("host")
                .withLabels(Labels.forRun(runId))
                .waitingFor(Wait.forLogMessage(".*cloud-inference-ready.*", 1).withStartupTimeout(READY_TIMEOUT))
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("edgetwin-" + runId + "-" + name);
                    cmd.withEntrypoint("java", "-XX:+UseSerialGC", "-Xmx512m", "-Dai.djl.offline=true",
                            "-cp", "/opt/edgetwin/lib/*", "io.edgetwin.inference.CloudInference", model, String.valueOf(port));
                    cmd.getHostConfig().withMemory(MEMORY_BYTES).withMemorySwap(MEMORY_BYTES)
                            .withNanoCPUs(Math.round(cpus * 1e9)).withInit(true);
                });
        InferenceService service = new InferenceService(container, port, cpus);
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs = service.logs();
            service.close();
            throw new CloudException("the cloud inference service for model " + model + " did not start: " + e.getMessage()
                    + (logs.isBlank() ? "" : "\nlast lines of its log:\n" + logs.substring(Math.max(0, logs.length() - 2000))), e);
        }
        return service;
    }

    /** The port it serves on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    public String containerId() {
        return container.getContainerId();
    }

    /** What the run prints about it. */
    public String describe() {
        return "cloud inference service on 127.0.0.1:" + port + " (memory " + MEMORY_BYTES / (1024 * 1024) + " MiB, cpus " + cpus + ")";
    }

    private String logs() {
        try {
            return container.getContainerId() == null ? "" : container.getLogs();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for the cloud inference service", e);
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
