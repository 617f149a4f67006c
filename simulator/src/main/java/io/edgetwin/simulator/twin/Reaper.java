package io.edgetwin.simulator.twin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;

/**
 * Removes what a killed run left in Docker: containers labelled {@link Labels#MANAGED} whose owning
 * process is gone. Containers of a run that is still going (another terminal) are left alone.
 */
public final class Reaper {

    private Reaper() {
    }

    /** Returns how many leftovers were removed. */
    public static int reapLeftovers(Consumer<String> progress) {
        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> managed = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Labels.MANAGED, "true"))
                .exec();
        int removed = 0;
        for (Container container : managed) {
            if (!ownerAlive(container.getLabels().get(Labels.OWNER_PID))) {
                progress.accept("removing leftover container " + String.join(",", container.getNames())
                        + " of a run that ended without cleaning up");
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
            }
        }
        return removed;
    }

    private static boolean ownerAlive(String pid) {
        if (pid == null) {
            return false;
        }
        try {
            long owner = Long.parseLong(pid);
            return owner != ProcessHandle.current().pid()
                    ? ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)
                    : true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
