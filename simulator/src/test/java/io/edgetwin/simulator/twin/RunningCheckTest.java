package io.edgetwin.simulator.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.GenericContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy.StartupStatus;

class RunningCheckTest {

    @Test
    void aRunningContainerHasStarted() {
        assertEquals(StartupStatus.SUCCESSFUL, RunningCheck.statusOf(true, "0001-01-01T00:00:00Z"));
    }

    @Test
    void aContainerThatExitedHasFailed() {
        assertEquals(StartupStatus.FAILED, RunningCheck.statusOf(false, "2026-12-06T09:00:00.123Z"));
    }

    @Test
    void aCreatedContainerIsNotYetKnown() {
        assertEquals(StartupStatus.NOT_YET_KNOWN, RunningCheck.statusOf(false, "0001-01-01T00:00:00Z"));
        assertEquals(StartupStatus.NOT_YET_KNOWN, RunningCheck.statusOf(null, null));
    }

    @Test
    void pollsOnItsOwnInsteadOfThroughTheSharedOnePerSecondLimiter() throws Exception {
        assertEquals(RunningCheck.class, RunningCheck.class.getMethod("waitUntilStartupSuccessful",
                DockerClient.class, String.class).getDeclaringClass());
        assertEquals(RunningCheck.class, RunningCheck.class.getMethod("waitUntilStartupSuccessful",
                GenericContainer.class).getDeclaringClass());
        assertTrue(RunningCheck.POLL.toMillis() < 100, "polls every " + RunningCheck.POLL);
    }
}
