package io.edgetwin.simulator.twin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;

/**
 * A twin's container counts as started once Docker says it runs. Testcontainers' own strategies
 * share one rate limiter of one inspection per second across every container of the JVM, so a
 * fleet started concurrently queued on it (32 twins: about a second each); this check inspects its
 * own container every {@link #POLL} instead, and fails as soon as the container exited.
 */
final class RunningCheck extends StartupCheckStrategy {

    static final Duration POLL = Duration.ofMillis(25);

    private final Duration patience;

    RunningCheck(Duration patience) {
        this.patience = patience;
    }

    @Override
    public boolean waitUntilStartupSuccessful(GenericContainer<?> container) {
        return waitUntilStartupSuccessful(container.getDockerClient(), container.getContainerId());
    }

    @Override
    public boolean waitUntilStartupSuccessful(DockerClient docker, String containerId) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            StartupStatus status = checkStartupState(docker, containerId);
            if (status != StartupStatus.NOT_YET_KNOWN) {
                return status == StartupStatus.SUCCESSFUL;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    @Override
    public StartupStatus checkStartupState(DockerClient docker, String containerId) {
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
        return statusOf(state.getRunning(), state.getFinishedAt());
    }

    /** Running: started; finished at a real time (Docker's zero time is year 1): failed; else not yet known. */
    static StartupStatus statusOf(Boolean running, String finishedAt) {
        if (Boolean.TRUE.equals(running)) {
            return StartupStatus.SUCCESSFUL;
        }
        return finishedAt != null && !finishedAt.isEmpty() && !finishedAt.startsWith("0001-") ? StartupStatus.FAILED
                : StartupStatus.NOT_YET_KNOWN;
    }
}
