package io.edgetwin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the reader pings and when it gives up, on a clock passed in. */
class KeepAliveTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void pingIsDueOnceAfterAnIntervalWithoutSendingThenLostAtOneAndAHalf() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(10), 0);

        assertThat(keepAlive.at(9 * SECOND)).isEqualTo(KeepAlive.Due.NOTHING);
        assertThat(keepAlive.at(10 * SECOND)).isEqualTo(KeepAlive.Due.PING);
        assertThat(keepAlive.at(11 * SECOND)).isEqualTo(KeepAlive.Due.NOTHING);
        assertThat(keepAlive.at(15 * SECOND)).isEqualTo(KeepAlive.Due.LOST);
    }

    @Test
    void anyPacketReceivedAnswersThePing() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(10), 0);
        keepAlive.at(10 * SECOND);
        keepAlive.sent(10 * SECOND);

        keepAlive.received(12 * SECOND);

        assertThat(keepAlive.at(16 * SECOND)).isEqualTo(KeepAlive.Due.NOTHING);
        assertThat(keepAlive.at(22 * SECOND)).isEqualTo(KeepAlive.Due.PING);
    }

    @Test
    void aClientThatOnlySendsStillPingsWhenNothingComesBack() {
        KeepAlive keepAlive = new KeepAlive(Duration.ofSeconds(10), 0);
        for (long t = 1; t <= 10; t++) {
            keepAlive.sent(t * SECOND);
        }

        assertThat(keepAlive.at(10 * SECOND)).isEqualTo(KeepAlive.Due.PING);
    }
}
