package io.edgetwin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetwin.simulator.fault.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variant's {@code inference} and {@code link}, and the {@code wan-outage} fault. */
class PlacementReaderTest {

    private static final RecipeCatalog CATALOG = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0",
            "com.edgetwin.Inference@1.0.0-cloud", "com.edgetwin.CpuHog@1.0.0"));
    private static final String SCENARIO = """
            name: place
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0, configuration: {model: anomaly-mlp}}
            variants:
              edge: {}
              cloud:
                inference: cloud
                link: lte-good
            workload: {target: com.edgetwin.Inference, rate: 20/s, warmup: 2s, duration: 30s}
            faults:
              - {at: 10s, kind: wan-outage, for: 5s}
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(CATALOG, 2);

    @Test
    void aCloudVariantRunsTheForwardingVersionOfTheTargetBehindItsLink() throws IOException {
        Scenario scenario = reader.read(write(SCENARIO));

        Variant edge = scenario.variants().get(0);
        Variant cloud = scenario.variants().get(1);
        assertThat(edge.placement()).isEqualTo(Placement.EDGE);
        assertThat(edge.overrideOf("com.edgetwin.Inference").version()).isEmpty();
        assertThat(cloud.placement()).isInstanceOfSatisfying(Placement.Cloud.class,
                c -> assertThat(c.link().name()).isEqualTo("lte-good"));
        assertThat(cloud.overrideOf("com.edgetwin.Inference").version()).isEqualTo(Optional.of("1.0.0-cloud"));
        assertThat(scenario.faults()).containsExactly(new Fault.WanOutage(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(5), null));
    }

    @Test
    void anUnknownProfileIsRefusedWithTheBuiltInOnes() {
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("link: lte-good", "link: 5g-mmwave"))))
                .hasMessageContaining("place.yaml:9:11: variants.cloud.link: ").hasMessageContaining("unknown WAN profile '5g-mmwave'; expected one of "
                        + "[wired, lte-good, lte-poor, satellite, satellite-geo]");
    }

    @Test
    void aProfileCanHaveItsRoundTripsLossAndBandwidthReplaced() throws IOException {
        Scenario scenario = reader.read(write(SCENARIO.replace("link: lte-good",
                "link: {profile: lte-good, rtt: {p0: 10ms, p50: 40ms, p100: 100ms}, loss: 3%, up: 128k/s}")));

        io.edgetwin.simulator.wan.WanProfile link = ((Placement.Cloud) scenario.variants().get(1).placement()).link();
        assertThat(link.name()).isEqualTo("lte-good*");
        assertThat(link.rtt().nanosAt(0.5)).isEqualTo(40_000_000);
        assertThat(link.lossPercent()).isEqualTo(3);
        assertThat(link.upBytesPerSecond()).isEqualTo(128 * 1024);
        assertThat(link.downBytesPerSecond()).as("kept from the profile").isEqualTo(13_000_000 / 8);
    }

    @Test
    void roundTripQuantilesOutOfRangeOrOrderAreRefusedWhereTheyAre() {
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("link: lte-good",
                "link: {profile: lte-good, rtt: {p0: 10ms, p150: 40ms, p100: 100ms}}"))))
                .hasMessageContaining("'p150' is not a quantile; expected p0 to p100");
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("link: lte-good",
                "link: {profile: lte-good, rtt: {p0: 50ms, p50: 40ms, p100: 100ms}}"))))
                .hasMessageContaining("variants.cloud.link.rtt: ").hasMessageContaining("expected p to rise and milliseconds not to fall");
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("link: lte-good",
                "link: {profile: lte-good, rtt: {p50: 40ms, p100: 100ms}}"))))
                .hasMessageContaining("must start at p 0 and end at p 1");
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("link: lte-good", "link: {profile: lte-good, loss: 150%}"))))
                .hasMessageContaining("'150%' is not a percentage");
    }

    @Test
    void cloudWithoutALinkIsRefused() {
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("    link: lte-good\n", ""))))
                .hasMessageContaining("place.yaml:8:16: variants.cloud.inference: ").hasMessageContaining("inference: cloud needs a link between twin and cloud");
    }

    @Test
    void aLinkOnAnEdgeVariantAndAnUnknownPlacementAreRefused() {
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("inference: cloud", "inference: edge"))))
                .hasMessageContaining("a link applies to inference: cloud only");
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace("inference: cloud", "inference: fog"))))
                .hasMessageContaining("'fog' is not a placement; expected edge or cloud");
    }

    @Test
    void aTargetWithoutACloudVersionIsRefused() {
        ScenarioReader noCloudVersion = new ScenarioReader(RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0")), 2);

        assertThatThrownBy(() -> noCloudVersion.read(write(SCENARIO)))
                .hasMessageContaining("inference: cloud needs com.edgetwin.Inference 1.0.0-cloud");
    }

    @Test
    void aWanOutageMustLast() {
        assertThatThrownBy(() -> reader.read(write(SCENARIO.replace(", for: 5s}", "}"))))
                .hasMessageContaining("'for' is missing or zero; a wan-outage fault lasts a while");
    }

    @Test
    void theShippedEdgeVersusCloudScenarioReads() {
        Scenario scenario = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/edge-vs-cloud.yaml"));

        assertThat(scenario.variants()).extracting(v -> v.placement().word()).containsExactly("edge", "edge", "cloud");
        assertThat(scenario.faults()).anyMatch(f -> f instanceof Fault.WanOutage);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("place.yaml"), yaml);
    }
}
