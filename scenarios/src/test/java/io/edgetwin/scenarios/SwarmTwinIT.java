package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.load.Samples;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.run.RunDirectory;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Engine;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import io.edgetwin.simulator.twin.runtime.EngineChoice;
import io.edgetwin.simulator.twin.runtime.TwinRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A twin on the swarm engine, on a single-node swarm of this host's engine: a one-replica service
 * pulled by digest from the run's registry, its device caps as service limits that read back inside,
 * CAP_SYS_ADMIN enough for the core to cap its component in a cgroup of its own, an answer to a
 * request, and nothing left afterwards (service, config, volume, registry, the swarm it initialised).
 */
class SwarmTwinIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final String INFERENCE = "com.edgetwin.Inference";
    private static final String DEPLOYMENT = """
            {"deploymentId": "swarm", "components": {"com.edgetwin.Inference": {"version": "1.0.0",
              "configurationUpdate": {"merge": {"model": "anomaly-mlp"}},
              "runWith": {"systemResourceLimits": {"memory": 393216, "cpus": 0.5}}}}}""";

    @Test
    void aTwinRunsAsASwarmServiceWithItsLimitsAndAnswers() throws Exception {
        boolean swarmBefore = docker("info", "--format", "{{.Swarm.LocalNodeState}}").equals("active");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String thing = "swarm-" + runId;
        TwinImage image = new TwinImage(HOME);
        String local = image.ensureBuilt(line -> { });
        Sample sample = Samples.read(image.models().resolve("anomaly-mlp").resolve("samples.csv")).get(0);
        StatusTracker tracker = new StatusTracker();
        Path registryStore;
        try (RunDirectory dir = RunDirectory.create(runId);
             Mosquitto broker = Mosquitto.start(dir.path(), Duration.ofSeconds(10));
             BrokerClient client = new BrokerClient(broker.uri(), "swarm-it-" + runId);
             TwinRuntime runtime = new EngineChoice(Engine.SWARM, EngineChoice.LOOPBACK, null)
                     .open(dir.path(), runId, line -> System.out.println("swarm-it: " + line))) {
            registryStore = dir.path().resolve("registry");
            client.subscribe("edgetwin/+/status", 0, tracker::accept);
            try (Twin twin = runtime.start(new TwinSpec(thing, local, new DeviceSpec(768L << 20, 768L << 20, 1.0, 300),
                    broker.uri(), DEPLOYMENT, runId))) {
                String service = docker("service", "ls", "--filter", "label=edgetwin.run=" + runId, "--format", "{{.Name}}");
                assertThat(service).as("one service for the twin").isNotBlank().doesNotContain("\n");
                assertEquals("805306368 1000000000 300 [CAP_SYS_ADMIN]", docker("service", "inspect", "--format",
                        "{{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}} {{.Spec.TaskTemplate.Resources.Limits.NanoCPUs}}"
                                + " {{.Spec.TaskTemplate.Resources.Limits.Pids}} {{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}",
                        service));
                assertThat(docker("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", service))
                        .as("pulled by digest from the run's registry").matches("127\\.0\\.0\\.1:\\d+/edgetwin/twin@sha256:[0-9a-f]{64}");
                assertEquals("805306368", twin.exec("cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").trim());
                assertEquals("100000", twin.exec("cat", "/sys/fs/cgroup/cpu/cpu.cfs_quota_us").trim());
                assertEquals("300", twin.exec("cat", "/sys/fs/cgroup/pids/pids.max").trim());

                TwinStatus ready = tracker.await(thing, s -> s.isReady(INFERENCE) || s.isBroken(INFERENCE), Duration.ofMinutes(3));
                assertThat(ready.isReady(INFERENCE)).as("the model loaded (log: %s)", twin.logs()).isTrue();
                assertThat(ready.components().get(INFERENCE).enforced()).as("the component runs in a cgroup of its own").isTrue();
                assertThat(ready.components().get(INFERENCE).resources()).isNotNull();

                assertThat(ask(client, thing, sample)).contains("inference-results");
            }
        }
        if (swarmBefore) {
            assertThat(docker("service", "ls", "--filter", "label=edgetwin.run=" + runId, "--quiet")).isEmpty();
            assertThat(docker("config", "ls", "--filter", "label=edgetwin.run=" + runId, "--quiet")).isEmpty();
        }
        assertThat(docker("volume", "ls", "--filter", "label=edgetwin.run=" + runId, "--quiet")).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains("docker-registry") && cmd.contains(runId))).as("the run's registry").isEmpty();
        assertThat(registryStore).doesNotExist();
        assertThat(docker("images", "--filter", "reference=127.0.0.1:*/edgetwin/twin", "--quiet")).as("the pushed tag").isEmpty();
        if (!swarmBefore) {
            assertEquals("inactive", docker("info", "--format", "{{.Swarm.LocalNodeState}}"), "the swarm this test's run initialised");
            assertThat(docker("network", "ls", "--filter", "name=docker_gwbridge", "--quiet")).isEmpty();
        }
    }

    private static String ask(BrokerClient client, String thing, Sample sample) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        client.subscribe("edgetwin/" + thing + "/inference/response", 1,
                (topic, payload) -> answer.complete(new String(payload, StandardCharsets.UTF_8)));
        client.publish("edgetwin/" + thing + "/inference/request",
                ("{\"id\":\"1\",\"input\":" + sample.inputJson() + "}").getBytes(StandardCharsets.UTF_8), 1);
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
