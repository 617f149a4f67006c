package io.edgetwin.simulator.attack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.BrokerException;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.broker.MosquittoBinary;
import io.edgetwin.simulator.identity.Identity;
import io.edgetwin.simulator.identity.RunCa;
import io.edgetwin.simulator.identity.RunIdentities;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's broker with its mTLS listener and topic policy, against a real Mosquitto (no containers):
 * a thing's certificate opens its own topics only, and certificates the run CA did not issue, that
 * expired or that were revoked open nothing.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TopicIsolationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private RunIdentities identities;
    private Mosquitto broker;
    private BrokerClient harness;

    @BeforeEach
    void startBroker() throws Exception {
        assumeTrue(MosquittoBinary.find().isPresent(), "needs Mosquitto installed");
        identities = RunIdentities.create(dir, "isolation", clock, random, true);
        broker = Mosquitto.start(dir, PATIENCE, identities.brokerTls());
        harness = new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, true, identities.harnessContext());
    }

    @AfterEach
    void stopBroker() {
        if (harness != null) {
            harness.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thingReceivesNoneOfAnotherThingsMessages() throws Exception {
        Queue<String> stolen = new ConcurrentLinkedQueue<>();
        Queue<String> owned = new ConcurrentLinkedQueue<>();
        try (RogueClient a = connect(identities.issue("plant-1"), (topic, payload) -> stolen.add(topic));
             RogueClient b = connect(identities.issue("plant-2"), (topic, payload) -> owned.add(topic))) {
            a.subscribe("edgetwin/plant-2/#", PATIENCE);
            a.subscribe("#", PATIENCE);
            b.subscribe("edgetwin/plant-2/#", PATIENCE);
            for (int i = 0; i < 20; i++) {
                harness.publish("edgetwin/plant-2/inference/request", ("{\"id\":\"" + i + "\"}").getBytes(UTF_8), 1);
            }
            await(() -> owned.size() == 20, "plant-2 received its 20 requests");
            harness.publish("edgetwin/plant-2/inference/request", "last".getBytes(UTF_8), 1);
            await(() -> owned.size() == 21, "plant-2 received the last one");
            assertThat(stolen).isEmpty();
        }
    }

    @Test
    void thingsPublishToAnotherThingIsRefusedAndNotDeliveredWhileItsOwnIsDelivered() throws Exception {
        Queue<String> delivered = new ConcurrentLinkedQueue<>();
        harness.subscribe("edgetwin/#", 1, (topic, payload) -> delivered.add(topic));
        try (RogueClient a = connect(identities.issue("plant-1"), (topic, payload) -> { })) {
            assertThat(a.publishRefused("edgetwin/plant-2/deployment", "{}".getBytes(UTF_8), PATIENCE)).isTrue();
            assertThat(a.publishRefused("other/topic", "{}".getBytes(UTF_8), PATIENCE)).isTrue();
            assertThat(a.publishRefused("edgetwin/plant-1/status", "{}".getBytes(UTF_8), PATIENCE)).isFalse();
            await(() -> delivered.contains("edgetwin/plant-1/status"), "the thing's own status reached the harness");
            assertThat(delivered).containsExactly("edgetwin/plant-1/status");
        }
    }

    @Test
    void certificateFromAnotherCaIsRefused() {
        RunCa foreign = RunCa.create("foreign", clock, random);
        Identity impostor = foreign.issueClient("plant-1");

        assertThatThrownBy(() -> RogueClient.connect(broker.tlsUri(), "plant-1",
                impostor.clientContext(identities.ca().certificate(), random), PATIENCE, (t, p) -> { }))
                .isInstanceOf(RogueClient.Refused.class);
    }

    @Test
    void expiredCertificateIsRefused() {
        Instant now = clock.instant();
        Identity expired = identities.ca().issueClient("plant-1", now.minusSeconds(7200), now.minusSeconds(3600));

        assertThatThrownBy(() -> connect(expired, (t, p) -> { })).isInstanceOf(RogueClient.Refused.class);
    }

    @Test
    void revokedCertificateIsRefusedOnceTheBrokerReadsTheRevocationList() throws Exception {
        Identity thing = identities.issue("plant-1");
        connect(thing, (t, p) -> { }).close();

        identities.revoke(List.of(thing.certificate()));
        broker.close();
        broker.restart(PATIENCE);

        assertThatThrownBy(() -> connect(thing, (t, p) -> { })).isInstanceOf(RogueClient.Refused.class);
        connect(identities.issue("plant-2"), (t, p) -> { }).close();
    }

    @Test
    void revokedCertificateIsRefusedAfterAReloadWhileOtherConnectionsStay() throws Exception {
        Identity thing = identities.issue("plant-1");
        Queue<String> heard = new ConcurrentLinkedQueue<>();
        try (RogueClient other = connect(identities.issue("plant-2"), (topic, payload) -> heard.add(topic))) {
            other.subscribe("edgetwin/plant-2/#", PATIENCE);
            connect(thing, (t, p) -> { }).close();

            identities.revoke("plant-1");
            broker.reload();

            assertThatThrownBy(() -> connect(thing, (t, p) -> { })).isInstanceOf(RogueClient.Refused.class);
            harness.publish("edgetwin/plant-2/status", "{}".getBytes(UTF_8), 1);
            await(() -> heard.contains("edgetwin/plant-2/status"), "the connection made before the reload still served");
        }
        assertThatThrownBy(() -> identities.revoke("plant-9")).hasMessageContaining("no certificate was issued to 'plant-9'");
    }

    @Test
    void clientWithoutCertificateIsRefusedOnTheTlsListener() throws Exception {
        javax.net.ssl.SSLContext anonymous = javax.net.ssl.SSLContext.getInstance("TLS");
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", identities.ca().certificate());
        trust.init(store);
        anonymous.init(null, trust.getTrustManagers(), random);

        assertThatThrownBy(() -> RogueClient.connect(broker.tlsUri(), "anyone", anonymous, PATIENCE, (t, p) -> { }))
                .isInstanceOf(RogueClient.Refused.class);
        assertThatThrownBy(() -> new BrokerClient("tcp://127.0.0.1:" + broker.tlsPort(), "plain", true))
                .isInstanceOf(BrokerException.class);
    }

    @Test
    void brokerWhoseCertificateNamesAnotherAddressIsRefusedSayingSo() throws Exception {
        harness.close();
        broker.close();
        Identity elsewhere = identities.ca().issueBroker(List.of("10.9.9.9"));
        java.nio.file.Files.writeString(identities.brokerTls().certFile(), elsewhere.certificatePem());
        java.nio.file.Files.writeString(identities.brokerTls().keyFile(), elsewhere.keyPem());
        broker.restart(PATIENCE);

        assertThatThrownBy(() -> new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, true, identities.harnessContext()))
                .isInstanceOf(BrokerException.class).hasMessageContaining("127.0.0.1").hasMessageNotContaining("PRIVATE");
        harness = null;
    }

    @Test
    void plainListenerBesideItServesClientsWithoutCertificates() {
        Queue<String> delivered = new ConcurrentLinkedQueue<>();
        harness.subscribe("edgetwin/#", 1, (topic, payload) -> delivered.add(topic));
        try (BrokerClient plain = new BrokerClient(broker.uri(), "plain-thing", true)) {
            plain.publish("edgetwin/plain-thing/status", "{}".getBytes(UTF_8), 1);
            await(() -> delivered.contains("edgetwin/plain-thing/status"), "the plain thing's status reached the harness");
        }
    }

    @Test
    void attacksOnTheTlsListenerAreAllRefusedAndCounted() {
        AttackTally tally = new AttackTally();
        AttackRunner attacks = new AttackRunner(identities, broker.tlsUri(), harness, tally, clock, random);

        for (String kind : List.of("rogue-subscribe", "rogue-publish", "foreign-ca", "cert-expired")) {
            attacks.attack(new io.edgetwin.simulator.fault.Fault.Attack(kind, Duration.ZERO, 1, 10), "plant-1");
        }

        assertThat(List.of(tally.attempts(), tally.refused(), tally.delivered(), tally.admitted())).containsExactly(22L, 22L, 0L, 0L);
    }

    @Test
    void theSameAttacksOnThePlainListenerGetThrough() {
        AttackTally tally = new AttackTally();
        AttackRunner attacks = new AttackRunner(null, broker.uri(), harness, tally, clock, random);

        for (String kind : List.of("rogue-subscribe", "rogue-publish", "foreign-ca")) {
            attacks.attack(new io.edgetwin.simulator.fault.Fault.Attack(kind, Duration.ZERO, 1, 10), "plant-1");
        }

        assertThat(tally.delivered()).isGreaterThanOrEqualTo(20);
        assertThat(tally.admitted()).isEqualTo(1);
        assertThat(tally.breaches()).isPositive();
    }

    private RogueClient connect(Identity identity, java.util.function.BiConsumer<String, byte[]> messages)
            throws RogueClient.Refused {
        return RogueClient.connect(broker.tlsUri(), identity.name(), identities.contextOf(identity), PATIENCE, messages);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
