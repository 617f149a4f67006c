package io.edgetwin.simulator.attack;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.fault.AttackScene;
import io.edgetwin.simulator.fault.Attacks;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.identity.Identity;
import io.edgetwin.simulator.identity.RunCa;
import io.edgetwin.simulator.identity.RunIdentities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * Carries out attack faults on one variant's twins against the run's mTLS listener and counts them in an
 * {@link AttackTally}. The rogue of {@code rogue-publish} and {@code rogue-subscribe} is another thing of
 * the run: a certificate from the run CA named {@code <victim>-rogue}, so it neither is the victim nor
 * takes over the victim's session (the broker makes the CN the client id). The harness, the one
 * superuser, publishes the probes a rogue subscriber should not see and watches for rogue publishes that
 * get through. Against a plain listener ({@code security: none}; {@code identities} null) the rogue
 * connects without a certificate and the impostors need none: what gets through there is what mTLS
 * prevents. With {@code via: ipc} the rogue is a component on another twin of the fleet ({@link IpcRogue});
 * {@code cert-revoked} revokes the victim's own certificate and makes it connect again.
 */
public final class AttackRunner implements Attacks {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** A twin's core redials every 100 ms: a twin that may connect is back well within this. */
    private static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(10);
    /** Deploying the attacker component and starting its JVM on a capped twin. */
    private static final Duration IPC_PATIENCE = Duration.ofSeconds(90);

    private final RunIdentities identities;
    private final String uri;
    private final BrokerClient harness;
    private final AttackTally tally;
    private final Clock clock;
    private final SecureRandom random;
    private final AtomicInteger sequence = new AtomicInteger();
    private final IpcRogue ipc;
    private Mosquitto broker;

    /** Attacks through the broker listener at {@code uri}: mTLS with {@code identities}, or plain when they are null. */
    public AttackRunner(RunIdentities identities, String uri, BrokerClient harness, AttackTally tally, Clock clock,
                        SecureRandom random) {
        this.identities = identities;
        this.uri = uri;
        this.harness = harness;
        this.tally = tally;
        this.clock = clock;
        this.random = random;
        this.ipc = new IpcRogue(harness, IPC_PATIENCE);
    }

    /** The broker that {@code cert-revoked} makes read its revocation list again. */
    public AttackRunner withBroker(Mosquitto running) {
        this.broker = running;
        return this;
    }

    @Override
    public String attack(Fault.Attack attack, AttackScene scene) {
        AttackTally one = new AttackTally();
        String detail;
        if (attack.via() == Fault.Attack.Via.IPC) {
            String id = "ipc-" + sequence.incrementAndGet();
            detail = attack.kind().equals("rogue-subscribe") ? ipc.subscribe(scene, attack.messages(), id, one)
                    : ipc.publish(scene, attack.messages(), id, one);
        } else if (attack.kind().equals("cert-revoked")) {
            try {
                detail = revoked(scene, one);
            } catch (IOException e) {
                throw new UncheckedIOException("cert-revoked on " + scene.victim() + ": " + e.getMessage(), e);
            }
        } else {
            return attack(attack, scene.victim());
        }
        tally.record(attack.kind(), attack.via() == Fault.Attack.Via.IPC ? "ipc" : "tls", scene.victim(), scene.attacker(), one,
                detail);
        return detail;
    }

    @Override
    public String attack(Fault.Attack attack, String victim) {
        AttackTally one = new AttackTally();
        String detail;
        try {
            detail = switch (attack.kind()) {
                case "rogue-subscribe" -> rogueSubscribe(victim, attack.messages(), one);
                case "rogue-publish" -> roguePublish(victim, attack.messages(), one);
                case "foreign-ca" -> impostor(victim, RunCa.create("foreign", clock, random).issueClient(victim),
                        "a certificate from another CA", one);
                case "cert-expired" -> impostor(victim, expired(victim), "an expired certificate of the run CA", one);
                default -> throw new IllegalArgumentException(attack.kind() + " on " + victim + " acts on the twin itself;"
                        + " it needs the fleet (attack(attack, scene))");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("attack " + attack.kind() + " on " + victim + ": " + e.getMessage(), e);
        }
        tally.record(attack.kind(), Fault.Attack.ROGUE.contains(attack.kind()) ? "mqtt" : "tls", victim, null, one, detail);
        return detail;
    }

    private String rogueSubscribe(String victim, int messages, AttackTally tally) throws IOException {
        String probe = "edgetwin/" + victim + "/attack/probe-" + sequence.incrementAndGet();
        AtomicLong stolen = new AtomicLong();
        AtomicLong heard = new AtomicLong();
        harness.subscribe(probe, 1, (topic, payload) -> heard.incrementAndGet());
        String rogue = victim + "-rogue";
        try (RogueClient client = connectRogue(rogue, (topic, payload) -> stolen.incrementAndGet())) {
            client.subscribe("edgetwin/" + victim + "/#", PATIENCE);
            for (int i = 0; i < messages; i++) {
                harness.publish(probe, ("{\"probe\":" + i + "}").getBytes(UTF_8), 1);
            }
            await(() -> heard.get() >= messages);
            // The rogue's copies, if the broker routed any, left on the same pass as the harness's.
            harness.publish(probe, "{\"probe\":\"last\"}".getBytes(UTF_8), 1);
            await(() -> heard.get() > messages);
        } catch (RogueClient.Refused e) {
            throw new IllegalStateException("the rogue " + rogue + " could not connect: " + e.getMessage());
        }
        long delivered = stolen.get();
        tally.add(messages, Math.max(0, messages - delivered), delivered, 0);
        return rogue + " subscribed to edgetwin/" + victim + "/#: " + delivered + " of " + messages
                + " probe message(s) (and of the victim's own traffic) delivered to it";
    }

    private String roguePublish(String victim, int messages, AttackTally tally) throws IOException {
        String probe = "edgetwin/" + victim + "/attack/publish-" + sequence.incrementAndGet();
        AtomicLong arrived = new AtomicLong();
        AtomicLong marker = new AtomicLong();
        harness.subscribe(probe, 1, (topic, payload) -> {
            if (new String(payload, UTF_8).contains("marker")) {
                marker.incrementAndGet();
            } else {
                arrived.incrementAndGet();
            }
        });
        String rogue = victim + "-rogue";
        long refused = 0;
        try (RogueClient client = connectRogue(rogue, (topic, payload) -> { })) {
            for (int i = 0; i < messages; i++) {
                if (client.publishRefused(probe, ("{\"rogue\":" + i + "}").getBytes(UTF_8), PATIENCE)) {
                    refused++;
                }
            }
        } catch (RogueClient.Refused e) {
            throw new IllegalStateException("the rogue " + rogue + " could not connect: " + e.getMessage());
        }
        harness.publish(probe, "{\"marker\":true}".getBytes(UTF_8), 1);
        await(() -> marker.get() > 0);
        tally.add(messages, refused, arrived.get(), 0);
        return rogue + " published " + messages + " message(s) on " + probe + ": " + refused
                + " refused (reason code " + RogueClient.NOT_AUTHORIZED + "), " + arrived.get() + " delivered";
    }

    private String impostor(String victim, Identity impostor, String what, AttackTally tally) {
        SSLContext context = identities == null ? null : impostor.clientContext(identities.ca().certificate(), random);
        String claim = "a client claiming to be " + victim + " with " + (identities == null ? "no certificate (plain listener)" : what);
        try (RogueClient client = RogueClient.connect(uri, victim + (identities == null ? "-impostor" : ""), context, PATIENCE,
                (t, p) -> { })) {
            tally.add(1, 0, 0, 1);
            return claim + " was let in";
        } catch (RogueClient.Refused e) {
            tally.add(1, 1, 0, 0);
            return claim + " was refused: " + e.getMessage();
        }
    }

    /**
     * Revokes the victim's own certificate, makes the broker read the revocation list again, cuts the
     * victim's link for a moment and waits for its core to connect again: on mTLS it must not. A plain
     * listener has no certificate to revoke, and the twin is back.
     */
    private String revoked(AttackScene scene, AttackTally tally) throws IOException {
        String victim = scene.victim();
        String what;
        if (identities == null) {
            what = "no certificate to revoke (plain listener)";
        } else {
            if (broker == null) {
                throw new IllegalStateException("cert-revoked on " + victim + ": this run has no broker to reload");
            }
            Identity revoked = identities.revoke(victim);
            broker.reload();
            what = "certificate serial " + revoked.certificate().getSerialNumber() + " revoked and the broker's revocation list reloaded";
        }
        long since = scene.reconnectVictim();
        if (scene.victimConnects(since, RECONNECT_PATIENCE)) {
            scene.victimBack();
            tally.add(1, 0, 0, 1);
            return what + "; after its link was cut for a moment the twin connected again (admitted)";
        }
        tally.add(1, 1, 0, 0);
        return what + "; after its link was cut for a moment the twin could not connect again within "
                + RECONNECT_PATIENCE.toSeconds() + " s (refused at the handshake); it is sent nothing for the rest of the run";
    }

    private Identity expired(String victim) {
        Instant now = clock.instant();
        RunCa ca = identities == null ? RunCa.create("unused", clock, random) : identities.ca();
        return ca.issueClient(victim, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
    }

    /** Another thing of the run (a certificate of the run CA of its own), or an anonymous client on a plain listener. */
    private RogueClient connectRogue(String rogue, java.util.function.BiConsumer<String, byte[]> messages)
            throws RogueClient.Refused, IOException {
        SSLContext context = identities == null ? null : identities.contextOf(identities.issue(rogue));
        return RogueClient.connect(uri, rogue, context, PATIENCE, messages);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
