package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import io.edgetwin.simulator.measure.HostCgroup;
import io.edgetwin.simulator.twin.TwinImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The host side reads a real container's cgroup on this host, whatever its cgroup version and
 * Docker's driver, found from the container's init process; once the container is gone, a reading
 * names where it looked.
 */
class HostCgroupIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final long MEMORY = 256L * 1024 * 1024;

    @Test
    void aRunningContainersCgroupIsReadOnThisHostAndNamedWhenItIsGone() {
        String image = new TwinImage(HOME).ensureBuilt(line -> { });
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withStartupCheckStrategy(new IsRunningStartupCheckStrategy())
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withEntrypoint("/bin/sleep", "300");
                    cmd.getHostConfig().withMemory(MEMORY).withMemorySwap(MEMORY).withNanoCPUs(500_000_000L);
                });
        try {
            container.start();
            DockerClient docker = container.getDockerClient();
            String id = container.getContainerId();
            HostCgroup cgroup = HostCgroup.of(id, () -> pid(docker, id));

            HostCgroup.Reading running = cgroup.read(0);

            assertThat(running).isInstanceOf(HostCgroup.Taken.class);
            assertThat(((HostCgroup.Taken) running).sample().memoryBytes()).isPositive();
            assertThat(((HostCgroup.Taken) running).sample().cpuUsageNanos()).isPositive();
            assertEquals("memory " + MEMORY + " B, cpus 0.5", cgroup.caps());

            docker.killContainerCmd(id).exec();
            docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.SECONDS);

            assertThat(cgroup.read(1000)).isInstanceOfSatisfying(HostCgroup.Missed.class, missed ->
                    assertThat(missed.reason()).contains("not found at", id.substring(0, 12), "no running init process"));
        } finally {
            container.stop();
        }
    }

    private static long pid(DockerClient docker, String id) {
        Long pid = docker.inspectContainerCmd(id).exec().getState().getPidLong();
        return pid == null ? 0 : pid;
    }
}
