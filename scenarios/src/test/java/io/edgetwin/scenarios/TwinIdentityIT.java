package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.attack.AttackRunner;
import io.edgetwin.simulator.attack.AttackTally;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.fault.Fault;
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
import java.util.UUID;
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
 * refused; a twin holding a certificate of another CA never connects, and one holding another thing's
 * certificate stops at start saying so.
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

    @BeforeEach
    void startBroker() throws Exception {
        image = new TwinImage(HOME).ensureBuilt(line -> { });
        RunDirectory dir = open(RunDirectory.create(runId));
        identities = RunIdentities.create(dir.path(), runId, clock, random, false);
        broker = open(Mosquitto.start(dir.path(), Duration.ofSeconds(10), identities.brokerTls()));
        harness = open(new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, true, identities.harnessContext()));
        harness.subscribe("edgetwin/+/status", 0, tracker::accept);
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
