package io.edgetwin.simulator.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority that lives for one run (BouncyCastle): it issues the broker's server
 * certificate, one client certificate per thing (CN = the thing name, extended key usage clientAuth,
 * as an AWS IoT device certificate) and the harness's, and signs the revocation list. Keys are ECDSA
 * P-256 (the shortest handshake the JDK and Mosquitto's OpenSSL both do). Time and randomness come in:
 * certificates are valid from {@link #BACKDATE} before {@code clock}'s now, so a clock a little behind
 * in a container does not refuse them.
 */
public final class RunCa {

    /** Certificates start this long before issue. */
    static final Duration BACKDATE = Duration.ofMinutes(5);
    /** Ample for any run; a run that lasts longer than this has other problems. */
    static final Duration VALIDITY = Duration.ofDays(2);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Identity ca;
    private final Clock clock;
    private final SecureRandom random;
    private final AtomicLong serials = new AtomicLong(1);

    private RunCa(Identity ca, Clock clock, SecureRandom random) {
        this.ca = ca;
        this.clock = clock;
        this.random = random;
    }

    /** A new CA named {@code CN=edgetwin run <name>}. */
    public static RunCa create(String name, Clock clock, SecureRandom random) {
        try {
            KeyPair keys = keyPair(random);
            X500Principal subject = new X500Principal("CN=edgetwin run " + name);
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = convert(builder, signer(keys, random));
            RunCa authority = new RunCa(new Identity(subject.getName(), certificate, keys.getPrivate()), clock, random);
            authority.serials.set(2);
            return authority;
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the run CA: " + e.getMessage(), e);
        }
    }

    /** The CA's own certificate: what every party trusts. */
    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** The CA's certificate as PEM (Mosquitto's {@code cafile}, the core's {@code EDGETWIN_TLS_CA}). */
    public String certificatePem() {
        return ca.certificatePem();
    }

    /** The broker's certificate, CN {@code broker}, valid for the given IP addresses (SAN), serverAuth. */
    public Identity issueBroker(List<String> ipAddresses) {
        if (ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a broker certificate needs at least one address");
        }
        GeneralName[] names = ipAddresses.stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip)).toArray(GeneralName[]::new);
        Instant now = clock.instant();
        return issue("broker", now.minus(BACKDATE), now.plus(VALIDITY), KeyPurposeId.id_kp_serverAuth, new GeneralNames(names));
    }

    /** A client certificate for a thing or the harness: CN {@code name}, clientAuth, valid for the run. */
    public Identity issueClient(String name) {
        Instant now = clock.instant();
        return issueClient(name, now.minus(BACKDATE), now.plus(VALIDITY));
    }

    /** A client certificate valid from {@code notBefore} to {@code notAfter} (an expired one, for the attacks). */
    public Identity issueClient(String name, Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("certificate of " + name + " ends (" + notAfter + ") before it starts (" + notBefore + ")");
        }
        if (!name.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw new IllegalArgumentException("'" + name + "' cannot name a client: expected 1 to 128 letters, digits, '-', '_', '.'"
                    + " (it becomes the MQTT username and a topic level)");
        }
        return issue(name, notBefore, notAfter, KeyPurposeId.id_kp_clientAuth, null);
    }

    /** A revocation list naming {@code revoked}, valid for the run (Mosquitto's {@code crlfile}). */
    public X509CRL revocationList(Collection<X509Certificate> revoked) {
        try {
            Instant now = clock.instant();
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(), Date.from(now.minus(BACKDATE)));
            builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(BACKDATE)), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.key(), random)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot sign the revocation list: " + e.getMessage(), e);
        }
    }

    /** A revocation list as PEM. */
    public String revocationListPem(Collection<X509Certificate> revoked) {
        try {
            return Identity.pem("X509 CRL", revocationList(revoked).getEncoded());
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException("cannot encode the revocation list", e);
        }
    }

    private Identity issue(String name, Instant notBefore, Instant notAfter, KeyPurposeId purpose, GeneralNames altNames) {
        try {
            KeyPair keys = keyPair(random);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    BigInteger.valueOf(serials.getAndIncrement()), Date.from(notBefore), Date.from(notAfter),
                    new X500Principal("CN=" + name), keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca.certificate()));
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            return new Identity(name, convert(builder, signer(ca.key(), random)), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(KeyPair keys, SecureRandom random) throws OperatorCreationException {
        return signer(keys.getPrivate(), random);
    }

    private static ContentSigner signer(java.security.PrivateKey key, SecureRandom random) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).setSecureRandom(random).build(key);
    }

    private static X509Certificate convert(X509v3CertificateBuilder builder, ContentSigner signer) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
