package io.edgetwin.simulator.identity;

import io.edgetwin.simulator.broker.BrokerTls;
import io.edgetwin.simulator.twin.TwinCredentials;
import io.edgetwin.simulator.twin.TwinSpec;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The identities of one run, in {@code <run directory>/identity/}: the run CA, the broker's certificate,
 * the harness's ({@link #HARNESS}, the topic policy's one superuser), one certificate per thing on
 * demand, the revocation list and the {@code acl_file}. Private keys are written owner-only and never
 * leave this directory except into the twin that owns them; the run directory is deleted at teardown.
 */
public final class RunIdentities {

    /** The harness's CN, its MQTT username and client id on the mTLS listener. */
    public static final String HARNESS = "edgetwin-harness";

    private final Path dir;
    private final RunCa ca;
    private final SecureRandom random;
    private final Identity harness;
    private final BrokerTls brokerTls;
    private final Map<String, Identity> issued = new ConcurrentHashMap<>();
    private final Set<X509Certificate> revoked = new LinkedHashSet<>();

    private RunIdentities(Path dir, RunCa ca, SecureRandom random, Identity harness, BrokerTls brokerTls) {
        this.dir = dir;
        this.ca = ca;
        this.random = random;
        this.harness = harness;
        this.brokerTls = brokerTls;
    }

    /**
     * Creates the CA and the broker's and harness's certificates, and writes what the broker reads; with
     * {@code plainListener} the broker also gets a plain listener for variants with {@code security: none}.
     */
    public static RunIdentities create(Path runDir, String runId, Clock clock, SecureRandom random, boolean plainListener)
            throws IOException {
        Path dir = Files.createDirectories(runDir.resolve("identity"));
        RunCa ca = RunCa.create(runId, clock, random);
        Identity broker = ca.issueBroker(brokerAddresses());
        Identity harness = ca.issueClient(HARNESS);
        Path caFile = write(dir.resolve("ca.pem"), ca.certificatePem(), false);
        Path certFile = write(dir.resolve("broker.pem"), broker.certificatePem(), false);
        Path keyFile = write(dir.resolve("broker.key"), broker.keyPem(), true);
        Path crlFile = write(dir.resolve("revoked.crl.pem"), ca.revocationListPem(List.of()), false);
        Path aclFile = write(dir.resolve("acl"), new TopicPolicy(List.of(HARNESS)).aclFile(), false);
        return new RunIdentities(dir, ca, random, harness,
                new BrokerTls(caFile, certFile, keyFile, crlFile, aclFile, plainListener));
    }

    /** What the broker's mTLS listener reads. */
    public BrokerTls brokerTls() {
        return brokerTls;
    }

    public RunCa ca() {
        return ca;
    }

    /** The harness's TLS context: its certificate, trusting only the run CA. */
    public SSLContext harnessContext() {
        return harness.clientContext(ca.certificate(), random);
    }

    /** A TLS context for {@code identity} that trusts only the run CA (attack probes use things' identities). */
    public SSLContext contextOf(Identity identity) {
        return identity.clientContext(ca.certificate(), random);
    }

    /** Issues the certificate of {@code thing} and writes it, with its key, into this directory. */
    public Identity issue(String thing) throws IOException {
        Identity identity = ca.issueClient(thing);
        Path things = Files.createDirectories(dir.resolve("things"));
        write(things.resolve(thing + ".pem"), identity.certificatePem(), false);
        write(things.resolve(thing + ".key"), identity.keyPem(), true);
        issued.put(thing, identity);
        return identity;
    }

    /** What the twin of {@code identity} gets: the run CA, its certificate and its key. */
    public TwinCredentials credentialsOf(Identity identity) {
        return new TwinCredentials(ca.certificatePem(), identity.certificatePem(), identity.keyPem());
    }

    /**
     * The twin of {@code spec} with a certificate of its own, reaching the broker's mTLS listener through
     * {@code port} at the host of its broker address (its link proxy on 127.0.0.1, or on a swarm's
     * advertise address; or the listener itself).
     */
    public TwinSpec secured(TwinSpec spec, int port) throws IOException {
        String host = URI.create(spec.brokerUri()).getHost();
        return spec.withCredentials("ssl://" + (host == null ? "127.0.0.1" : host) + ":" + port,
                credentialsOf(issue(spec.thingName())));
    }

    /**
     * Where twins may meet the broker: 127.0.0.1 and every IPv4 address of this host, so a swarm's
     * advertise address (docs/scale.md) verifies as well as loopback.
     */
    static List<String> brokerAddresses() {
        Set<String> addresses = new LinkedHashSet<>(List.of("127.0.0.1"));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(a -> addresses.add(a.getHostAddress()));
            }
        } catch (SocketException e) {
            // loopback alone: twins on this host still verify the broker
        }
        return List.copyOf(addresses);
    }

    /**
     * Adds {@code certificates} to the revocation list and writes it; the broker reads it when it starts
     * or reloads ({@code Mosquitto.reload}), and refuses them from their next handshake on.
     */
    public synchronized void revoke(Collection<X509Certificate> certificates) throws IOException {
        revoked.addAll(certificates);
        write(brokerTls.crlFile(), ca.revocationListPem(List.copyOf(revoked)), false);
    }

    /** Revokes the certificate issued to {@code thing} (as {@link #revoke(Collection)}); returns it. */
    public Identity revoke(String thing) throws IOException {
        Identity identity = issued.get(thing);
        if (identity == null) {
            throw new IllegalArgumentException("no certificate was issued to '" + thing + "' in this run; expected one of "
                    + new java.util.TreeSet<>(issued.keySet()));
        }
        revoke(List.of(identity.certificate()));
        return identity;
    }

    private static Path write(Path file, String text, boolean secret) throws IOException {
        Files.deleteIfExists(file);
        if (secret) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.writeString(file, text);
    }
}
