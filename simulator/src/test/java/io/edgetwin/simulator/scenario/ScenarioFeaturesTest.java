package io.edgetwin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.load.Arrival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device profiles, fleets, arrival models, faults, validity and execution in scenario files. */
class ScenarioFeaturesTest {

    private static final RecipeCatalog CATALOG = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0",
            "com.edgetwin.CpuHog@1.0.0", "com.edgetwin.MemoryLeaker@1.0.0", "com.edgetwin.Crasher@1.0.0"));
    private static final String BASE = """
            name: features
            device: {profile: rpi4-2g}
            fleet: {twins: 4}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            variants:
              limited:
                components:
                  com.edgetwin.Inference: {systemResourceLimits: {memory: 393216, cpus: 1.0}}
              unlimited: {}
            workload:
              target: com.edgetwin.Inference
              arrival: poisson
              rate: 40/s
              warmup: 10s
              duration: 60s
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(CATALOG, 2);

    @Test
    void aProfileGivesTheBoardsMemoryAndCpuScaledToThisHost() throws IOException {
        Scenario scenario = reader.read(write(BASE));

        assertEquals("rpi4-2g", scenario.profile().name());
        assertEquals(2048L * 1024 * 1024, scenario.device().memoryBytes());
        assertEquals(1.4, scenario.device().cpus(), 1e-9, "4 Cortex-A72 cores at 0.35 of a host core each");
        assertThat(scenario.profile().note(2)).contains("Raspberry Pi 4").contains("2048 MiB").contains("cpus 1.4");
        assertEquals(4, scenario.twins());
    }

    @Test
    void aProfileWiderThanTheHostIsCappedAtItsCoresAndSaysSo() {
        DeviceProfile jetson = DeviceProfile.named("jetson-cpu-4g").orElseThrow();

        assertEquals(2.0, jetson.applied(2).cpus());
        assertThat(jetson.note(2)).contains("capped at this host's 2");
    }

    @Test
    void explicitFieldsOverrideTheProfile() throws IOException {
        Scenario scenario = reader.read(write(BASE.replace("{profile: rpi4-2g}", "{profile: gateway-1g, memory: 768m}")));

        assertEquals(768L * 1024 * 1024, scenario.device().memoryBytes());
        assertEquals(0.5, scenario.device().cpus(), 1e-9);
    }

    @Test
    void anUnknownProfileIsRefusedListingTheBuiltInOnes() throws IOException {
        Path file = write(BASE.replace("rpi4-2g", "rpi5"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .startsWith(file + ":2:").contains("'rpi5' is not a device profile").contains("gateway-1g");
    }

    @Test
    void everyArrivalModelIsRead() throws IOException {
        assertEquals(new Arrival.Poisson(40), reader.read(write(BASE)).workload().arrival());
        assertEquals(new Arrival.Closed(3),
                reader.read(write(BASE.replace("arrival: poisson", "arrival: closed").replace("40/s", "3"))).workload().arrival());
        Arrival steps = reader.read(write(BASE.replace("arrival: poisson", "arrival: step")
                .replace("rate: 40/s", "rate: [{rate: 10/s, for: 20s}, {from: 10/s, to: 50/s, for: 40s}]"))).workload().arrival();
        assertEquals(new Arrival.Steps(java.util.List.of(new Arrival.Stage(10, 10, Duration.ofSeconds(20)),
                new Arrival.Stage(10, 50, Duration.ofSeconds(40)))), steps);
        assertEquals(new Arrival.Burst(20, 200, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                reader.read(write(BASE.replace("arrival: poisson", "arrival: burst").replace("rate: 40/s",
                        "rate: 20/s\n  burst: {rate: 200/s, every: 10s, for: 1s}"))).workload().arrival());
    }

    @Test
    void aReplayTraceIsReadBesideTheScenario() throws IOException {
        Files.writeString(dir.resolve("trace.csv"), "offsetMs\n0\n12.5\n12.5\n40\n");

        Arrival arrival = reader.read(write(BASE.replace("arrival: poisson", "arrival: replay")
                .replace("rate: 40/s", "trace: trace.csv"))).workload().arrival();

        assertThat(((Arrival.Replay) arrival).offsetsNanos()).containsExactly(0, 12_500_000, 12_500_000, 40_000_000);
    }

    @Test
    void aReplayTraceWithUnsortedTimestampsIsRefusedNamingBothFilesAndLines() throws IOException {
        Files.writeString(dir.resolve("trace.csv"), "offsetMs\n0\n50\n20\n");
        Path file = write(BASE.replace("arrival: poisson", "arrival: replay").replace("rate: 40/s", "trace: trace.csv"));

        String message = assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage();

        assertThat(message).startsWith(file + ":14:").contains("trace.csv:4:").contains("ascending");
    }

    @Test
    void aZeroRateInAStageIsRefused() throws IOException {
        Path file = write(BASE.replace("arrival: poisson", "arrival: step").replace("rate: 40/s", "rate: [{rate: 0/s, for: 20s}]"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage()).contains("above zero");
    }

    @Test
    void faultsAreReadWithTheirOffsetsTwinsAndSettings() throws IOException {
        Scenario scenario = reader.read(write(BASE + """
                faults:
                  - {at: 20s, kind: broker-outage, for: 10s}
                  - {at: 30s, kind: link, twin: 2, latency: 200ms, loss: 5%, for: 15s}
                  - {at: 40s, kind: power-loss, twin: 3}
                  - {at: 5s, kind: neighbour-leak, for: 20s, leakMbPerSecond: 10}
                  - {at: 50s, kind: limits, component: com.edgetwin.Inference, memory: 262144}
                  - {at: 55s, kind: device-caps, twin: 1, cpus: 0.5}
                """));

        assertThat(scenario.faults()).hasSize(6);
        assertEquals(new Fault.BrokerOutage(Duration.ofSeconds(20), Duration.ofSeconds(10)), scenario.faults().get(0));
        Fault.Link link = (Fault.Link) scenario.faults().get(1);
        assertEquals(2, link.twin());
        assertEquals(Duration.ofMillis(200), link.conditions().latency());
        assertEquals(5.0, link.conditions().lossPercent());
        assertEquals(new Fault.PowerLoss(Duration.ofSeconds(40), Duration.ZERO, 3), scenario.faults().get(2));
        Fault.Neighbour leak = (Fault.Neighbour) scenario.faults().get(3);
        assertEquals("com.edgetwin.MemoryLeaker", leak.component());
        assertNull(leak.twin(), "no twin: every twin of the variant");
        assertEquals(10L, leak.configuration().get("leakMbPerSecond"));
    }

    @Test
    void aFaultAimedAtATwinThatDoesNotExistIsRefused() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 40s, kind: power-loss, twin: 5}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .startsWith(file + ":18:").contains("twin 5 does not exist").contains("1 to 4");
    }

    @Test
    void aFaultAfterTheEndOfTheRunIsRefused() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 60s, kind: power-loss, twin: 1}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("faults[0].at").contains("after the end of the run");
    }

    @Test
    void aFaultThatOutlastsTheRunIsRefused() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 55s, kind: broker-outage, for: 10s}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage()).contains("ends after the run");
    }

    @Test
    void anUnknownKeyInAFaultIsRefusedWithItsLine() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 5s, kind: broker-outage, for: 1s, severity: high}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .startsWith(file + ":18:").contains("unknown key 'severity'");
    }

    @Test
    void anUnknownFaultKindIsRefusedListingTheKinds() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 5s, kind: meteor}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("'meteor' is not a fault").contains("power-loss");
    }

    @Test
    void validityRulesAndExecutionAreRead() throws IOException {
        Scenario scenario = reader.read(write(BASE
                + "validity: {minDuration: 30s, maxGeneratorCpu: 50%, percentiles: [p90, p99.9]}\nexecution: interleaved\n"));

        assertEquals(new ValidityRules(Duration.ofSeconds(30), 0.5, java.util.List.of(90.0, 99.9)), scenario.validity());
        assertEquals(Scenario.Execution.INTERLEAVED, scenario.execution());
        assertThat(scenario.text()).contains("name: features");
    }

    @Test
    void theOutsideCpuLimitIsReadAsAShareOfTheHostsCores() throws IOException {
        Scenario scenario = reader.read(write(BASE + "validity: {maxOutsideCpu: 40%}\n"));

        assertEquals(0.4, scenario.validity().maxOutsideCpu(), 1e-9);
        assertEquals(ValidityRules.DEFAULT_MAX_OUTSIDE_CPU, reader.read(write(BASE)).validity().maxOutsideCpu(), 1e-9);
    }

    @Test
    void theMachinesDefaultOutsideCpuLimitComesFromTheEnvironment() {
        assertEquals(1.0, ValidityRules.machineDefault("100%"), 1e-9);
        assertEquals(ValidityRules.DEFAULT_MAX_OUTSIDE_CPU, ValidityRules.machineDefault(null), 1e-9);
        assertThat(assertThrows(ScenarioException.class, () -> ValidityRules.machineDefault("lots")).getMessage())
                .contains(ValidityRules.MAX_OUTSIDE_CPU_ENV).contains("e.g. 100%");
    }

    @Test
    void aZeroOutsideCpuLimitIsRefusedWithAnExample() throws IOException {
        Path file = write(BASE + "validity: {maxOutsideCpu: 0%}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("maxOutsideCpu").contains("e.g. 25%");
    }

    @Test
    void interleavedVariantsWithFaultsAreRefused() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 5s, kind: broker-outage, for: 1s}\nexecution: interleaved\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("execution").contains("interleaved variants cannot take faults");
    }

    @Test
    void theShippedNoisyNeighbourScenarioIsValid() {
        Scenario scenario = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/noisy-neighbor.yaml"));

        assertEquals(Scenario.Execution.SEQUENTIAL, scenario.execution());
        assertEquals(ValidityRules.DEFAULT, scenario.validity());
    }

    @Test
    void theShippedOutageAndPowerLossScenarioIsValid() {
        Scenario scenario = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/outage-and-power-loss.yaml"));

        assertEquals("gateway-1g", scenario.profile().name());
        assertEquals(2, scenario.twins());
        assertThat(scenario.faults()).extracting(Fault::kind).containsExactly("broker-outage", "power-loss");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("scenario.yaml"), yaml);
    }
}
