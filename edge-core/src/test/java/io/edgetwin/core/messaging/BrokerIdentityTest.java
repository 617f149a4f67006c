package io.edgetwin.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerIdentityTest {

    private static final String THING = "plant-1";
    private static final String TLS = "ssl://127.0.0.1:8883";

    @TempDir
    Path dir;

    private TestCertificates ca;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void issue() throws Exception {
        ca = new TestCertificates("run ca");
        Path[] thing = ca.writeThing(dir, THING);
        env.put(BrokerIdentity.CA, ca.writeCa(dir).toString());
        env.put(BrokerIdentity.CERT, thing[0].toString());
        env.put(BrokerIdentity.KEY, thing[1].toString());
    }

    @Test
    void plainBrokerGetsPlainSocketsWithoutAnyFiles() {
        assertThat(BrokerIdentity.sockets("tcp://127.0.0.1:1883", THING, Map.of(), Clock.systemUTC()))
                .isInstanceOf(NoDelaySocketFactory.class);
    }

    @Test
    void tlsBrokerGetsTlsSocketsPresentingTheThingsCertificate() {
        assertThat(BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC())).isInstanceOf(SSLSocketFactory.class);
    }

    @Test
    void missingVariableIsNamedWithTheOthersItNeeds() {
        env.remove(BrokerIdentity.KEY);

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .isInstanceOf(BrokerIdentity.Invalid.class)
                .hasMessage("EDGETWIN_TLS_KEY is not set; an ssl:// broker needs EDGETWIN_TLS_CA, EDGETWIN_TLS_CERT and "
                        + "EDGETWIN_TLS_KEY (the harness sets them when it starts a twin)");
    }

    @Test
    void unreadableKeyNamesItsFile() {
        env.put(BrokerIdentity.KEY, dir.resolve("absent.key").toString());

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .hasMessage("EDGETWIN_TLS_KEY " + dir.resolve("absent.key") + ": cannot read it (NoSuchFileException)");
    }

    @Test
    void certificateOfAnotherThingIsRefusedWithBothNames() throws Exception {
        Path[] other = ca.writeThing(dir, "plant-2");
        env.put(BrokerIdentity.CERT, other[0].toString());
        env.put(BrokerIdentity.KEY, other[1].toString());

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .hasMessageContaining("the certificate is for 'plant-2', not this thing 'plant-1'");
    }

    @Test
    void keyOfAnotherCertificateIsRefusedWithoutShowingIt() throws Exception {
        Path[] other = ca.writeThing(dir, "plant-2");
        env.put(BrokerIdentity.KEY, other[1].toString());

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .hasMessageContaining("the key does not belong to the certificate in EDGETWIN_TLS_CERT")
                .hasMessageNotContaining(Files.readString(other[1]).substring(28, 60));
    }

    @Test
    void expiredCertificateIsRefusedWithItsDates() throws Exception {
        Instant now = Instant.now();
        Path[] expired = ca.writeThing(dir, THING, now.minusSeconds(7200), now.minusSeconds(3600));
        env.put(BrokerIdentity.CERT, expired[0].toString());
        env.put(BrokerIdentity.KEY, expired[1].toString());

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .hasMessageContaining("the certificate is valid from").hasMessageContaining(", not now");
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        Path foreignDir = Files.createDirectories(dir.resolve("foreign"));
        Path[] foreign = new TestCertificates("foreign ca").writeThing(foreignDir, THING);
        env.put(BrokerIdentity.CERT, foreign[0].toString());
        env.put(BrokerIdentity.KEY, foreign[1].toString());

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .hasMessageContaining("the certificate was not issued by the CA in EDGETWIN_TLS_CA");
    }

    @Test
    void fileThatIsNoCertificateSaysWhatWasExpected() throws Exception {
        env.put(BrokerIdentity.CERT, Files.writeString(dir.resolve("junk.pem"), "not a certificate").toString());

        assertThatThrownBy(() -> BrokerIdentity.sockets(TLS, THING, env, Clock.systemUTC()))
                .hasMessageContaining("not an X.509 certificate; expected PEM (-----BEGIN CERTIFICATE-----)");
    }
}
