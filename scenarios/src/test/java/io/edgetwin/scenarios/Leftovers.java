package io.edgetwin.scenarios;

import com.github.dockerjava.api.model.Container;
import io.edgetwin.simulator.twin.Labels;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** What a run may leave behind: edgetwin containers in Docker, and brokers started for a run. */
final class Leftovers {

    private Leftovers() {
    }

    static List<String> containers() {
        return DockerClientFactory.instance().client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Labels.MANAGED, "true"))
                .exec().stream()
                .map(Container::getNames)
                .map(names -> String.join(",", names))
                .toList();
    }

    /** Mosquitto processes started with a run's generated config ({@code .../edgetwin-runs/<run>/mosquitto.conf}). */
    static List<String> brokers() {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains("mosquitto") && cmd.contains("edgetwin-runs"))
                .toList();
    }
}
