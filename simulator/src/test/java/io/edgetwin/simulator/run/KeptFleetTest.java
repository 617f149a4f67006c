package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.ArtifactSettings;
import io.edgetwin.simulator.scenario.ComponentLimits;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.ValidityRules;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinOutcome;
import io.edgetwin.simulator.twin.TwinSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class KeptFleetTest {

    private static final String INFERENCE = "com.edgetwin.Inference";
    private static final String NEIGHBOUR = "com.edgetwin.Neighbour";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Scenario SCENARIO = new Scenario(Path.of("scenarios/size.yaml"), "name: size\n", "size", 42,
            new DeviceSpec(1280L << 20, 1280L << 20, 2.0, 0), null, 1,
            Map.of(INFERENCE, new ScenarioComponent(INFERENCE, "1.0.0", Map.of()),
                    NEIGHBOUR, new ScenarioComponent(NEIGHBOUR, "1.0.0", Map.of())),
            List.of(new Variant("trial01", Map.of(), List.of())),
            new Workload(INFERENCE, new Arrival.Constant(50), Duration.ofSeconds(3), Duration.ofSeconds(16), "anomaly-mlp"),
            List.of(), ValidityRules.DEFAULT, Scenario.Execution.SEQUENTIAL, ArtifactSettings.NONE);

    /** A twin whose core answers every deployment at once: it drops what the document leaves out, starts the rest. */
    private static final class FakeCore implements KeptFleet.Channel {
        final List<JsonNode> deployed = new ArrayList<>();
        TwinStatus latest = status(true);

        @Override
        public void deploy(String thing, String document) {
            try {
                JsonNode root = JSON.readTree(document);
                deployed.add(root);
                latest = status(root.get("components").has(INFERENCE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public TwinStatus await(String thing, Predicate<TwinStatus> condition, Duration timeout) throws TimeoutException {
            if (!condition.test(latest)) {
                throw new TimeoutException("not there");
            }
            return latest;
        }

        private static TwinStatus status(boolean withInference) {
            Map<String, TwinStatus.Component> components = new LinkedHashMap<>();
            components.put(NEIGHBOUR, new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, null, null, null));
            if (withInference) {
                components.put(INFERENCE, new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, null, null, null));
            }
            return new TwinStatus("size-trial01-1", "edge-core", 1000, null, null, 0, null, components);
        }
    }

    private static final class FakeTwin implements Twin {
        boolean running = true;
        boolean closed;

        @Override
        public TwinSpec spec() {
            return new TwinSpec("size-trial01-1", "edgetwin/twin:test", SCENARIO.device(), "tcp://127.0.0.1:1883", "{}", "run1");
        }

        @Override
        public String containerId() {
            return "c0ffee";
        }

        @Override
        public long pid() {
            return 1;
        }

        @Override
        public boolean isRunning() {
            return running && !closed;
        }

        @Override
        public TwinOutcome outcome() {
            return new TwinOutcome(false, running, 0);
        }

        @Override
        public String exec(String... command) {
            return "";
        }

        @Override
        public void powerOff() {
        }

        @Override
        public void powerOn() {
        }

        @Override
        public void updateCaps(Long memoryBytes, Double cpus) {
        }

        @Override
        public String logs() {
            return "";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Variant trial(int number, long memoryKb, double cpus) {
        return new Variant(String.format("trial%02d", number), Map.of(INFERENCE, new ComponentLimits(memoryKb, cpus)), List.of());
    }

    private static KeptFleet keeping(FakeTwin twin) throws Exception {
        KeptFleet kept = new KeptFleet(INFERENCE);
        kept.teardown().register(twin);
        kept.keep(List.of(twin));
        return kept;
    }

    @Test
    void aKeptTwinIsRedeployedWithTheSizedComponentStoppedThenStartedAfreshWithItsNewLimits() throws Exception {
        FakeTwin twin = new FakeTwin();
        FakeCore core = new FakeCore();
        List<String> lines = new ArrayList<>();
        try (KeptFleet kept = keeping(twin)) {
            List<Twin> twins = kept.redeploy(core, SCENARIO, trial(2, 150 * 1024, 0.3), "run1", lines::add);

            assertThat(twins).containsExactly(twin);
            assertThat(twin.closed).isFalse();
            assertThat(kept.fleetsStarted()).isEqualTo(1);
            assertThat(kept.redeployments()).isEqualTo(1);
            assertThat(core.deployed).hasSize(2);
            JsonNode stop = core.deployed.get(0);
            assertThat(stop.get("deploymentId").asText()).isEqualTo("size-trial02-run1-stop");
            assertThat(stop.get("components").has(INFERENCE)).isFalse();
            assertThat(stop.get("components").has(NEIGHBOUR)).isTrue();
            JsonNode start = core.deployed.get(1);
            assertThat(start.get("deploymentId").asText()).isEqualTo("size-trial02-run1");
            assertThat(start.at("/components/" + INFERENCE + "/runWith/systemResourceLimits/memory").asLong()).isEqualTo(150 * 1024);
            assertThat(start.at("/components/" + INFERENCE + "/runWith/systemResourceLimits/cpus").asDouble()).isEqualTo(0.3);
            assertThat(lines).singleElement().asString()
                    .startsWith("kept twin redeployed: " + INFERENCE + " restarted with memory 153600 KB, cpus 0.3 in ");
        }
        assertThat(twin.closed).isTrue();
    }

    @Test
    void aKeptTwinThatStoppedIsClosedAndNotReused() throws Exception {
        FakeTwin twin = new FakeTwin();
        FakeCore core = new FakeCore();
        List<String> lines = new ArrayList<>();
        try (KeptFleet kept = keeping(twin)) {
            twin.running = false;
            assertThat(kept.redeploy(core, SCENARIO, trial(2, 150 * 1024, 0.3), "run1", lines::add)).isNull();
            assertThat(twin.closed).isTrue();
            assertThat(core.deployed).isEmpty();
            assertThat(lines).containsExactly("the kept twin is no longer running: starting a new one");

            FakeTwin replacement = new FakeTwin();
            kept.teardown().register(replacement);
            kept.keep(List.of(replacement));
            assertThat(kept.redeploy(core, SCENARIO, trial(3, 150 * 1024, 0.3), "run1", lines::add)).containsExactly(replacement);
            assertThat(kept.fleetsStarted()).isEqualTo(2);
        }
    }

    @Test
    void aTwinOomKilledDuringItsRunIsClosedSoTheNextRunStartsANewOne() throws Exception {
        FakeTwin twin = new FakeTwin();
        try (KeptFleet kept = keeping(twin)) {
            kept.ran(new TwinOutcome(true, true, 0));
            assertThat(twin.closed).isTrue();
            assertThat(kept.redeploy(new FakeCore(), SCENARIO, trial(2, 150 * 1024, 0.3), "run1", line -> { })).isNull();
        }
    }

    @Test
    void aNewlyStartedTwinIsHeardFromItsStartOn() throws Exception {
        List<String> heard = new ArrayList<>();
        try (KeptFleet kept = new KeptFleet(INFERENCE)) {
            kept.listenAfterRestart((topic, payload) -> heard.add(topic));
            kept.starting();
            kept.heard("edgetwin/size-trial01-1/status", new byte[0]);
            assertThat(heard).hasSize(1);
        }
    }

    @Test
    void theRunsStatusListenerHearsNothingFromTheComponentOfTheRunBefore() throws Exception {
        FakeTwin twin = new FakeTwin();
        List<String> heard = new ArrayList<>();
        try (KeptFleet kept = keeping(twin)) {
            kept.listenAfterRestart((topic, payload) -> heard.add(topic));
            kept.heard("edgetwin/size-trial01-1/status", new byte[0]);
            assertThat(heard).isEmpty();
            kept.redeploy(new FakeCore(), SCENARIO, trial(2, 150 * 1024, 0.3), "run1", line -> { });
            kept.heard("edgetwin/size-trial01-1/status", new byte[0]);
            assertThat(heard).containsExactly("edgetwin/size-trial01-1/status");
        }
    }

    @Test
    void aFleetWithoutLinkProxiesTellsAFaultThatItsTwinsConnectStraightToTheBroker() {
        RunningFleet direct = new RunningFleet(SCENARIO, SCENARIO.variants().get(0), List.of(new FakeTwin()), List.of(),
                null, null, null, null, twin -> null);

        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> direct.link(0));

        assertThat(e.getMessage()).contains("size-trial01-1").contains("link: direct");
    }
}
