package io.edgetwin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.simulator.fault.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code security} in scenario files, and the attack faults. */
class ScenarioSecurityTest {

    private static final RecipeCatalog CATALOG = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0"));
    private static final String BASE = """
            name: secured
            device: {memory: 768m, cpus: 1.0}
            fleet: {twins: 2}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            variants:
              mtls: {}
              plain: {security: none}
            workload:
              target: com.edgetwin.Inference
              arrival: constant
              rate: 20/s
              warmup: 5s
              duration: 30s
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(CATALOG, 2);

    @Test
    void everyVariantRunsWithMutualTlsUnlessItSaysNone() throws IOException {
        Scenario scenario = reader.read(write(BASE));

        assertThat(scenario.variants()).extracting(Variant::security).containsExactly(Security.MTLS, Security.NONE);
    }

    @Test
    void topLevelSecurityIsEveryVariantsDefault() throws IOException {
        Scenario scenario = reader.read(write(BASE.replace("name: secured", "name: secured\nsecurity: none")
                .replace("plain: {security: none}", "plain: {security: mtls}")));

        assertThat(scenario.variants()).extracting(Variant::security).containsExactly(Security.NONE, Security.MTLS);
    }

    @Test
    void unknownSecurityModeIsRefusedWhereItIsWithTheModesThereAre() throws IOException {
        Path file = write(BASE.replace("security: none", "security: tls"));

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .startsWith(file + ":8:").contains("'tls' is not a security mode; expected mtls").contains("or none");
    }

    @Test
    void attackFaultsAreAimedAtATwinWithTheirMessageCount() throws IOException {
        Scenario scenario = reader.read(write(BASE + """
                faults:
                  - {at: 5s, kind: rogue-subscribe, twin: 1, messages: 50}
                  - {at: 10s, kind: rogue-publish, twin: 2}
                  - {at: 15s, kind: foreign-ca, twin: 1}
                  - {at: 20s, kind: cert-expired}
                """));

        assertThat(scenario.faults()).containsExactly(
                new Fault.Attack("rogue-subscribe", Duration.ofSeconds(5), 1, 50),
                new Fault.Attack("rogue-publish", Duration.ofSeconds(10), 2, 20),
                new Fault.Attack("foreign-ca", Duration.ofSeconds(15), 1, 20),
                new Fault.Attack("cert-expired", Duration.ofSeconds(20), null, 20));
    }

    @Test
    void attackWithoutMessagesToSendIsRefused() throws IOException {
        Path file = write(BASE + "faults:\n  - {at: 5s, kind: rogue-publish, twin: 1, messages: 0}\n");

        assertThat(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage())
                .contains("0 messages; expected 1 to 10000");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("scenario.yaml"), text);
    }
}
