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

    private static final RecipeCatalog CATALOG = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0",
            "com.edgetwin.IpcAttacker@1.0.0"));
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

    @Test
    void rogueAttacksMayRunThroughIpcFromAnotherTwinAndARevokedCertificateIsAnAttack() throws IOException {
        Scenario scenario = reader.read(write(BASE + """
                faults:
                  - {at: 5s, kind: rogue-subscribe, twin: 1, messages: 30, via: ipc}
                  - {at: 10s, kind: rogue-publish, twin: 2, via: ipc, from: 1}
                  - {at: 15s, kind: rogue-publish, twin: 2, via: mqtt}
                  - {at: 20s, kind: cert-revoked, twin: 2}
                """));

        assertThat(scenario.faults()).containsExactly(
                new Fault.Attack("rogue-subscribe", Duration.ofSeconds(5), 1, 30, Fault.Attack.Via.IPC, null),
                new Fault.Attack("rogue-publish", Duration.ofSeconds(10), 2, 20, Fault.Attack.Via.IPC, 1),
                new Fault.Attack("rogue-publish", Duration.ofSeconds(15), 2, 20),
                new Fault.Attack("cert-revoked", Duration.ofSeconds(20), 2, 20));
        assertThat(((Fault.Attack) scenario.faults().get(0)).attackerOf(0, 2)).isEqualTo(1);
        assertThat(((Fault.Attack) scenario.faults().get(1)).attackerOf(1, 2)).isEqualTo(0);
    }

    @Test
    void ipcAttackFromTheVictimItselfOrOnAFleetOfOneIsRefusedWhereItIs() throws IOException {
        Path self = write(BASE + "faults:\n  - {at: 5s, kind: rogue-publish, twin: 1, via: ipc, from: 1}\n");
        assertThat(assertThrows(ScenarioException.class, () -> reader.read(self)).getMessage())
                .startsWith(self + ":").contains("twin 1 cannot attack itself");
        Path unknown = write(BASE + "faults:\n  - {at: 5s, kind: rogue-publish, twin: 1, via: carrier-pigeon}\n");
        assertThat(assertThrows(ScenarioException.class, () -> reader.read(unknown)).getMessage())
                .contains("'carrier-pigeon' is not a way to attack; expected mqtt");
        Path fromWithMqtt = write(BASE + "faults:\n  - {at: 5s, kind: rogue-publish, twin: 1, from: 2}\n");
        assertThat(assertThrows(ScenarioException.class, () -> reader.read(fromWithMqtt)).getMessage())
                .contains("expected it only with via: ipc");
        Path alone = write(BASE.replace("twins: 2", "twins: 1") + "faults:\n  - {at: 5s, kind: rogue-subscribe, via: ipc}\n");
        assertThat(assertThrows(ScenarioException.class, () -> reader.read(alone)).getMessage())
                .contains("via: ipc needs a fleet of at least 2 twins");
        Path revokedViaIpc = write(BASE + "faults:\n  - {at: 5s, kind: cert-revoked, twin: 1, via: ipc}\n");
        assertThat(assertThrows(ScenarioException.class, () -> reader.read(revokedViaIpc)).getMessage())
                .contains("'via'");
    }

    @Test
    void theShippedRogueTwinScenarioAttacksThroughIpcAndRevokesACertificate() throws IOException {
        Scenario rogue = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
                .read(Path.of("../scenarios/rogue-twin.yaml"));

        assertThat(rogue.faults()).filteredOn(f -> f instanceof Fault.Attack a && a.via() == Fault.Attack.Via.IPC).hasSize(2);
        assertThat(rogue.faults()).extracting(Fault::kind).contains("cert-revoked");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("scenario.yaml"), text);
    }
}
