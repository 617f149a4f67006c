package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.attack.AttackRunner;
import io.edgetwin.simulator.attack.AttackTally;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.fault.AttackScene;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.fault.FaultInjector;
import io.edgetwin.simulator.fault.LinkConditions;
import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.identity.Identity;
import io.edgetwin.simulator.identity.RunCa;
import io.edgetwin.simulator.identity.RunIdentities;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.run.RunDirectory;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinCredentials;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device identity on real twins: two cores connect over mTLS with certificates of the run CA and
 * report on their own topics; another device of the run receives none of twin A's messages and its
 * publishes there are refused; clients claiming to be A with a foreign or expired certificate are
 * refused; a component on twin B that tries A's topics through Greengrass IPC gets none of A's messages
 * and delivers none there; a twin whose certificate is revoked cannot connect again; a twin holding a
 * certificate of another CA never connects, and one holding another thing's certificate stops at start
 * saying so.
 */
class TwinIdentityIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final String IDLE = "{\"deploymentId\": \"idle\", \"components\": {}}";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final StatusTracker tracker = new StatusTracker();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private String image;
    private RunIdentities identities;
    private Mosquitto broker;
    private BrokerClient harness;
    private final Map<String, Long> connected = new ConcurrentHashMap<>();

    @BeforeEach
    void startBroker() throws Exception {
        image = new TwinImage(HOME).ensureBuilt(line -> { });
        RunDirectory dir = open(RunDirectory.create(runId));
        identities = RunIdentities.create(dir.path(), runId, clock, random, false);
        broker = open(Mosquitto.start(dir.path(), Duration.ofSeconds(10), identities.brokerTls()));
        harness = open(new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, true, identities.harnessContext()));
        harness.subscribe("edgetwin/+/status", 0, tracker::accept);
        harness.subscribe("edgetwin/+/connection", 1, (topic, payload) -> connected.put(topic.split("/")[1], System.nanoTime()));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void anotherDeviceOfTheRunNeitherReadsNorWritesATwinsTopicsAndImpostorsAreRefused() throws Exception {
        String a = "ident-a-" + runId;
        String b = "ident-b-" + runId;
        startTwin(identities.secured(spec(a), broker.tlsPort()));
        startTwin(identities.secured(spec(b), broker.tlsPort()));
        tracker.await(a, s -> true, PATIENCE);
        tracker.await(b, s -> true, PATIENCE);
        AttackTally tally = new AttackTally();
        AttackRunner attacks = new AttackRunner(identities, broker.tlsUri(), harness, tally, clock, random);

        String subscribed = attacks.attack(new Fault.Attack("rogue-subscribe", Duration.ZERO, 1, 50), a);
        assertThat(tally.delivered()).as(subscribed).isZero();
        assertThat(tally.refused()).isEqualTo(50);
        String published = attacks.attack(new Fault.Attack("rogue-publish", Duration.ZERO, 1, 50), a);
        assertThat(tally.refused()).as(published).isEqualTo(100);
        attacks.attack(new Fault.Attack("foreign-ca", Duration.ZERO, 1, 1), a);
        attacks.attack(new Fault.Attack("cert-expired", Duration.ZERO, 1, 1), a);

        assertThat(tally.attempts()).isEqualTo(102);
        assertThat(tally.refused()).isEqualTo(102);
        assertThat(tally.breaches()).isZero();
        long statusBefore = tracker.latest(a).orElseThrow().uptimeMs();
        tracker.await(a, s -> s.uptimeMs() > statusBefore, PATIENCE);
    }

    @Test
    void componentOnTwinBNeitherReadsNorWritesTwinAsTopicsThroughIpc() throws Exception {
        String a = "ident-a-" + runId;
        String b = "ident-b-" + runId;
        startTwin(identities.secured(spec(a), broker.tlsPort()));
        startTwin(identities.secured(spec(b), broker.tlsPort()));
        tracker.await(a, s -> true, PATIENCE);
        tracker.await(b, s -> true, PATIENCE);
        AttackTally tally = new AttackTally();
        AttackRunner attacks = new AttackRunner(identities, broker.tlsUri(), harness, tally, clock, random);
        Scene scene = new Scene(a, b, null);

        String subscribed = attacks.attack(new Fault.Attack("rogue-subscribe", Duration.ZERO, 1, 50, Fault.Attack.Via.IPC, 2), scene);
        assertThat(subscribed).contains("through SubscribeToIoTCore (accepted)").contains("0 of 50 probe message(s)");
        String published = attacks.attack(new Fault.Attack("rogue-publish", Duration.ZERO, 1, 50, Fault.Attack.Via.IPC, 2), scene);
        assertThat(published).as("MQTT 3.1.1: the broker acknowledges what it drops")
                .contains("the core answered 50 as sent").contains("0 delivered to the victim's topic");

        assertThat(List.of(tally.attempts(), tally.refused(), tally.delivered(), tally.admitted()))
                .as(subscribed + "\n" + published).containsExactly(100L, 100L, 0L, 0L);
        assertThat(scene.deployments).hasSize(4);
        assertThat(tally.attacks()).extracting(r -> r.kind() + " " + r.via() + " from " + r.attacker() + " " + r.deliveries())
                .containsExactly("rogue-subscribe ipc from " + b + " 0", "rogue-publish ipc from " + b + " 0");
    }

    @Test
    void twinWhoseCertificateIsRevokedCannotConnectAgainWhileAnotherTwinStays() throws Exception {
        String a = "ident-revoked-" + runId;
        String b = "ident-stays-" + runId;
        LinkProxy link = open(new LinkProxy(broker.tlsPort(), 1));
        startTwin(identities.secured(spec(a), link.port()));
        startTwin(identities.secured(spec(b), broker.tlsPort()));
        tracker.await(a, s -> true, PATIENCE);
        tracker.await(b, s -> true, PATIENCE);
        AttackTally tally = new AttackTally();
        AttackRunner attacks = new AttackRunner(identities, broker.tlsUri(), harness, tally, clock, random).withBroker(broker);
        Scene scene = new Scene(a, null, link);
        assertThat(scene.victimConnects(scene.reconnectVictim(), PATIENCE)).as("before the revocation it comes back").isTrue();

        String revoked = attacks.attack(new Fault.Attack("cert-revoked", Duration.ZERO, 1, 1), scene);

        assertThat(revoked).contains("could not connect again");
        assertThat(List.of(tally.attempts(), tally.refused(), tally.admitted())).containsExactly(1L, 1L, 0L);
        assertThat(tally.attacks()).extracting(r -> r.kind() + " " + r.via() + " " + r.victim())
                .containsExactly("cert-revoked tls " + a);
        long statusBefore = tracker.latest(b).orElseThrow().uptimeMs();
        tracker.await(b, s -> s.uptimeMs() > statusBefore, PATIENCE);
        long aBefore = tracker.latest(a).orElseThrow().uptimeMs();
        assertThat(scene.victimConnects(System.nanoTime(), Duration.ofSeconds(3))).isFalse();
        assertThat(tracker.latest(a).orElseThrow().uptimeMs()).as("no status from the revoked twin").isEqualTo(aBefore);
    }

    @Test
    void twinWithACertificateOfAnotherCaNeverConnects() throws Exception {
        String thing = "ident-foreign-" + runId;
        RunCa foreign = RunCa.create("foreign", clock, random);
        Identity impostor = foreign.issueClient(thing);
        DeviceTwin twin = startTwin(spec(thing).withCredentials(broker.tlsUri(),
                new TwinCredentials(foreign.certificatePem(), impostor.certificatePem(), impostor.keyPem())));

        await(() -> twin.logs().contains("mqtt-connect-retry"), "the core's connection attempts failing");
        assertThat(tracker.latest(thing)).isEmpty();
    }

    @Test
    void twinGivenAnotherThingsCertificateStopsAtStartNamingBoth() throws Exception {
        String thing = "ident-wrong-" + runId;
        Identity other = identities.issue("ident-other-" + runId);
        DeviceTwin twin = startTwin(spec(thing).withCredentials(broker.tlsUri(), identities.credentialsOf(other)));

        await(() -> !twin.outcome().running(), "the core stopping");
        assertThat(twin.outcome().exitCode()).isEqualTo(2);
        assertThat(twin.logs()).contains("device-identity-invalid EDGETWIN_TLS_CERT " + TwinCredentials.CERT_PATH
                + ": the certificate is for 'ident-other-" + runId + "', not this thing '" + thing + "'")
                .doesNotContain("PRIVATE KEY");
    }

    /** The scene of an attack without a run: deployments sent by hand, the victim's link a proxy of the test's own. */
    private final class Scene implements AttackScene {
        final List<String> deployments = new ArrayList<>();
        private final String victim;
        private final String attacker;
        private final LinkProxy link;

        Scene(String victim, String attacker, LinkProxy link) {
            this.victim = victim;
            this.attacker = attacker;
            this.link = link;
        }

        @Override
        public String victim() {
            return victim;
        }

        @Override
        public String attacker() {
            return attacker;
        }

        @Override
        public Deployed deployAttacker(Map<String, Object> configuration) {
            deploy("{\"deploymentId\": \"attack-" + deployments.size() + "\", \"components\": {\"" + FaultInjector.IPC_ATTACKER
                    + "\": {\"version\": \"1.0.0\", \"configurationUpdate\": {\"merge\": " + json(configuration) + "}}}}");
            return () -> deploy("{\"deploymentId\": \"idle-" + deployments.size() + "\", \"components\": {}}");
        }

        private void deploy(String document) {
            deployments.add(document);
            harness.publish("edgetwin/" + attacker + "/deployment", document.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1);
        }

        @Override
        public long reconnectVictim() {
            link.apply(new LinkConditions(true, Duration.ZERO, 0, 0));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
            link.apply(LinkConditions.CLEAR);
            return System.nanoTime();
        }

        @Override
        public boolean victimConnects(long sinceNanos, Duration patience) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (connected.getOrDefault(victim, 0L) < sinceNanos) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            return true;
        }

        @Override
        public void victimBack() {
        }
    }

    private static String json(Map<String, Object> configuration) {
        StringBuilder out = new StringBuilder("{");
        configuration.forEach((key, value) -> out.append(out.length() > 1 ? ", " : "").append('"').append(key).append("\": ")
                .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
        return out.append('}').toString();
    }

    private TwinSpec spec(String thing) {
        return new TwinSpec(thing, image, new DeviceSpec(256L * 1024 * 1024, 256L * 1024 * 1024, 0.5, 256),
                "tcp://127.0.0.1:" + broker.tlsPort(), IDLE, runId);
    }

    private DeviceTwin startTwin(TwinSpec spec) {
        return open(DeviceTwin.start(spec));
    }

    private <T extends AutoCloseable> T open(T resource) {
        started.add(resource);
        return resource;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
