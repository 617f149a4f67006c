package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.edgetwin.report.Report;
import io.edgetwin.simulator.run.ScenarioRun;
import io.edgetwin.simulator.run.ScenarioRunner;
import io.edgetwin.simulator.run.Teardown;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.twin.Labels;
import io.edgetwin.simulator.twin.TwinImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * How a twin's core reaches the broker, read while the twin reports: the broker address its container was
 * given ({@code EDGETWIN_BROKER}) against the broker's own listener, and whether the harness runs any link
 * proxy thread. A run without link faults connects the core straight to the broker; a run with one, through
 * the twin's proxy.
 */
class DirectLinkIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", "..")).toAbsolutePath().normalize();
    private static final Pattern BROKER = Pattern.compile("broker: mosquitto on ssl://127\\.0\\.0\\.1:(\\d+)");
    private static final String SCENARIO = """
            name: direct-link
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            variants:
              a: {}
              b: {}
            workload: {target: com.edgetwin.Inference, rate: 10/s, warmup: 1s, duration: 4s}
            """;

    @TempDir
    Path dir;

    @Test
    void aRunWithoutLinkFaultsConnectsTheTwinsCoreStraightToTheBroker() throws Exception {
        Seen seen = run(SCENARIO);

        assertThat(seen.lines()).contains("link: direct (each twin's core connects straight to the broker; the run"
                + " injects no link fault)");
        assertThat(seen.twinBroker()).as("the core was given the broker's own listener")
                .isEqualTo("ssl://127.0.0.1:" + seen.brokerPort());
        assertThat(seen.proxyThreads()).as("link proxy threads while the twin reported").isEmpty();
        assertThat(seen.report().variants().get("a").requests().ok()).isPositive();
    }

    @Test
    void aRunWithALinkFaultReachesTheBrokerThroughTheTwinsProxy() throws Exception {
        Seen seen = run(SCENARIO + "faults:\n  - {at: 1s, kind: link, twin: 1, latency: 20ms, for: 1s}\n");

        assertThat(seen.lines()).contains("link: through the link proxy (faults: link at 1 s on twin 1)");
        assertThat(seen.twinBroker()).startsWith("ssl://127.0.0.1:").isNotEqualTo("ssl://127.0.0.1:" + seen.brokerPort());
        assertThat(seen.proxyThreads()).anyMatch(name -> name.startsWith("link-proxy-pump-"));
        assertThat(seen.report().variants().get("a").requests().ok()).isPositive();
    }

    /** Runs {@code yaml}; at the twin's first status, reads its broker address and the harness's proxy threads. */
    private Seen run(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("direct-link.yaml"), yaml);
        List<String> lines = new CopyOnWriteArrayList<>();
        Scenario scenario = new ScenarioRunner(HOME, lines::add).read(file);
        AtomicReference<String> twinBroker = new AtomicReference<>();
        AtomicReference<List<String>> proxyThreads = new AtomicReference<>();
        Report report;
        try (Teardown teardown = new Teardown()) {
            report = new ScenarioRun(scenario, new TwinImage(HOME), teardown, lines::add, Clock.systemUTC())
                    .withStatusListener((topic, payload) -> {
                        if (twinBroker.get() == null) {
                            proxyThreads.set(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                                    .filter(name -> name.startsWith("link-proxy")).toList());
                            twinBroker.set(brokerOfOwnTwin());
                        }
                    })
                    .run();
        }
        Matcher broker = lines.stream().map(BROKER::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no broker line in " + lines));
        assertThat(twinBroker.get()).as("the twin reported while it ran").isNotNull();
        assertThat(Leftovers.containers()).isEmpty();
        return new Seen(lines, Integer.parseInt(broker.group(1)), twinBroker.get(), proxyThreads.get(), report);
    }

    /** {@code EDGETWIN_BROKER} of the first variant's twin, started by this JVM. */
    private static String brokerOfOwnTwin() {
        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> own = docker.listContainersCmd()
                .withLabelFilter(Map.of(Labels.OWNER_PID, Long.toString(ProcessHandle.current().pid()))).exec().stream()
                .filter(c -> Arrays.stream(c.getNames()).anyMatch(name -> name.endsWith("-direct-link-a-1"))).toList();
        if (own.size() != 1) {
            return own.size() + " twin containers of variant a"; // read on the broker client's thread: the test's assertion says it
        }
        return Arrays.stream(docker.inspectContainerCmd(own.get(0).getId()).exec().getConfig().getEnv())
                .filter(e -> e.startsWith("EDGETWIN_BROKER=")).map(e -> e.substring("EDGETWIN_BROKER=".length()))
                .findFirst().orElseThrow();
    }

    private record Seen(List<String> lines, int brokerPort, String twinBroker, List<String> proxyThreads, Report report) {
    }
}
