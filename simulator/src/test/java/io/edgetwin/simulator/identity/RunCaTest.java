package io.edgetwin.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunCaTest {

    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RunCa ca = RunCa.create("test", clock, new SecureRandom());

    @Test
    void thingCertificateNamesTheThingAndServesOnlyClientAuthentication() throws Exception {
        Identity thing = ca.issueClient("quickstart-limited-1");

        X509Certificate certificate = thing.certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=quickstart-limited-1");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        certificate.verify(ca.certificate().getPublicKey());
    }

    @Test
    void brokerCertificateNamesItsAddressesAndServesOnlyServerAuthentication() throws Exception {
        X509Certificate certificate = ca.issueBroker(List.of("127.0.0.1")).certificate();

        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void caCertificateMaySignOnlyEndEntities() {
        assertThat(ca.certificate().getBasicConstraints()).isZero();
        assertThat(ca.certificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void certificatesAreValidForTheRunFromAlittleBeforeTheClock() throws Exception {
        X509Certificate certificate = ca.issueClient("thing").certificate();

        certificate.checkValidity(Date.from(NOW.minus(RunCa.BACKDATE)));
        certificate.checkValidity(Date.from(NOW.plus(RunCa.VALIDITY).minusSeconds(1)));
        assertThatThrownBy(() -> certificate.checkValidity(Date.from(NOW.plus(RunCa.VALIDITY).plusSeconds(1))))
                .isInstanceOf(java.security.cert.CertificateExpiredException.class);
    }

    @Test
    void expiredCertificateCanBeIssuedForTheAttacks() {
        X509Certificate expired = ca.issueClient("thing", NOW.minusSeconds(7200), NOW.minusSeconds(3600)).certificate();

        assertThatThrownBy(() -> expired.checkValidity(Date.from(NOW)))
                .isInstanceOf(java.security.cert.CertificateExpiredException.class);
    }

    @Test
    void anotherRunsCaDoesNotVouchForThisRunsThings() {
        RunCa foreign = RunCa.create("other", clock, new SecureRandom());
        X509Certificate certificate = foreign.issueClient("quickstart-limited-1").certificate();

        assertThatThrownBy(() -> certificate.verify(ca.certificate().getPublicKey())).isInstanceOf(SignatureException.class);
    }

    @Test
    void everyCertificateHasItsOwnSerial() {
        assertThat(ca.issueClient("a").certificate().getSerialNumber())
                .isNotEqualTo(ca.issueClient("a").certificate().getSerialNumber());
    }

    @Test
    void revocationListNamesTheRevokedCertificatesOnly() throws Exception {
        X509Certificate revoked = ca.issueClient("a").certificate();
        X509Certificate kept = ca.issueClient("b").certificate();

        java.security.cert.X509CRL crl = ca.revocationList(List.of(revoked));

        crl.verify(ca.certificate().getPublicKey());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(kept)).isFalse();
    }

    @Test
    void clientNamesThatCannotBeATopicLevelAreRefused() {
        assertThatThrownBy(() -> ca.issueClient("a/+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/+' cannot name a client");
    }

    @Test
    void identityShowsNoKeyMaterialWhenPrinted() {
        Identity thing = ca.issueClient("thing");

        assertThat(thing.toString()).contains("CN=thing").doesNotContain("PRIVATE").doesNotContain(thing.keyPem().substring(28, 60));
        assertThat(thing.keyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    }
}
