package io.edgetwin.core.messaging;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA and the certificates it signs, as PEM files, for the core's device identity tests. */
final class TestCertificates {

    private final KeyPair caKeys = keys();
    private final X509Certificate ca;
    private long serial = 2;

    TestCertificates(String name) throws Exception {
        X500Principal subject = new X500Principal("CN=" + name);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                Date.from(now.minusSeconds(300)), Date.from(now.plusSeconds(86_400)), subject, caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        ca = sign(builder, caKeys.getPrivate());
    }

    /** Writes the CA to {@code dir/ca.pem}. */
    Path writeCa(Path dir) throws Exception {
        return Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
    }

    /** A certificate for {@code cn} valid from {@code from} to {@code to}: writes {@code cn.pem} and {@code cn.key}. */
    Path[] writeThing(Path dir, String cn, Instant from, Instant to) throws Exception {
        KeyPair keys = keys();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(serial++),
                Date.from(from), Date.from(to), new X500Principal("CN=" + cn), keys.getPublic());
        X509Certificate certificate = sign(builder, caKeys.getPrivate());
        return new Path[] {
            Files.writeString(dir.resolve(cn + ".pem"), pem("CERTIFICATE", certificate.getEncoded())),
            Files.writeString(dir.resolve(cn + ".key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()))};
    }

    Path[] writeThing(Path dir, String cn) throws Exception {
        Instant now = Instant.now();
        return writeThing(dir, cn, now.minusSeconds(300), now.plusSeconds(86_400));
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
