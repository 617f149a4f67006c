package io.edgetwin.core.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the core proves who it is to the broker. With an {@code ssl://} broker it presents the thing's
 * X.509 certificate ({@code EDGETWIN_TLS_CERT}, PEM; its CN must be the thing name) and private key
 * ({@code EDGETWIN_TLS_KEY}, unencrypted PKCS#8 PEM, EC or RSA), and trusts only the CA in
 * {@code EDGETWIN_TLS_CA}; with {@code tcp://} it uses plain sockets. Everything is checked before the
 * first connection, so a bad file is one clear {@link Invalid} naming the variable, the file and what
 * is wrong, never a TLS alert later; no message ever holds key material.
 */
public final class BrokerIdentity {

    public static final String CA = "EDGETWIN_TLS_CA";
    public static final String CERT = "EDGETWIN_TLS_CERT";
    public static final String KEY = "EDGETWIN_TLS_KEY";

    private BrokerIdentity() {
    }

    /** Sockets for {@code brokerUri}: plain TCP for {@code tcp://}, mTLS with the thing's identity for {@code ssl://}. */
    public static SocketFactory sockets(String brokerUri, String thingName, Map<String, String> env, Clock clock) {
        if (!brokerUri.startsWith("ssl://")) {
            return new NoDelaySocketFactory();
        }
        X509Certificate ca = certificate(env, CA);
        X509Certificate thing = certificate(env, CERT);
        PrivateKey key = key(env, thing);
        check(ca, thing, thingName, env, clock.instant());
        return new TlsSocketFactory(context(ca, thing, key));
    }

    private static void check(X509Certificate ca, X509Certificate thing, String thingName, Map<String, String> env, Instant now) {
        String cn = commonName(thing);
        if (!thingName.equals(cn)) {
            throw new Invalid(CERT + " " + env.get(CERT) + ": the certificate is for '" + cn + "', not this thing '" + thingName
                    + "'; expected a certificate whose CN is the thing name");
        }
        try {
            thing.checkValidity(Date.from(now));
        } catch (GeneralSecurityException e) {
            throw new Invalid(CERT + " " + env.get(CERT) + ": the certificate is valid from " + thing.getNotBefore().toInstant()
                    + " to " + thing.getNotAfter().toInstant() + ", not now (" + now + ")");
        }
        try {
            thing.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new Invalid(CERT + " " + env.get(CERT) + ": the certificate was not issued by the CA in " + CA + " "
                    + env.get(CA) + " (" + ca.getSubjectX500Principal().getName() + ")");
        }
    }

    private static X509Certificate certificate(Map<String, String> env, String variable) {
        Path file = file(env, variable);
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new Invalid(variable + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new Invalid(variable + " " + file + ": not an X.509 certificate; expected PEM (-----BEGIN CERTIFICATE-----)");
        }
    }

    private static PrivateKey key(Map<String, String> env, X509Certificate thing) {
        Path file = file(env, KEY);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new Invalid(KEY + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new Invalid(KEY + " " + file + ": not an unencrypted PKCS#8 key; expected PEM (-----BEGIN PRIVATE KEY-----)");
        }
        PrivateKey key;
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
            key = KeyFactory.getInstance(thing.getPublicKey().getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Invalid(KEY + " " + file + ": not a " + thing.getPublicKey().getAlgorithm()
                    + " private key, the kind of the certificate in " + CERT);
        }
        if (!matches(key, thing)) {
            throw new Invalid(KEY + " " + file + ": the key does not belong to the certificate in " + CERT + " " + env.get(CERT));
        }
        return key;
    }

    /** Whether a signature made with {@code key} verifies with the certificate's public key. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        try {
            byte[] probe = "edgetwin key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Path file(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new Invalid(variable + " is not set; an ssl:// broker needs " + CA + ", " + CERT + " and " + KEY
                    + " (the harness sets them when it starts a twin)");
        }
        return Path.of(value);
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // reported as no CN below
        }
        return "";
    }

    private static SSLContext context(X509Certificate ca, X509Certificate thing, PrivateKey key) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("thing", key, new char[0], new X509Certificate[] {thing});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, new char[0]);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new Invalid("cannot build the TLS context from " + CERT + " and " + KEY + ": " + e.getMessage());
        }
    }

    /** A device identity that cannot be used; the message says which file and why. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }
}
