package io.edgetwin.simulator.identity;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate and its private key, issued by a {@link RunCa}. {@link #toString()} never shows the key,
 * so an identity may appear in logs and messages.
 */
public record Identity(String name, X509Certificate certificate, PrivateKey key) {

    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }

    /** The certificate as PEM. */
    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate of " + name, e);
        }
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), which Mosquitto and the JDK both read. */
    public String keyPem() {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** A TLS client context that presents this identity and trusts only {@code ca}. */
    public SSLContext clientContext(X509Certificate ca, SecureRandom random) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(name, key, new char[0], new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, new char[0]);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), random);
            return context;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a TLS context for " + name + ": " + e.getMessage(), e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public String toString() {
        return "Identity[" + name + ", " + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber() + "]";
    }
}
