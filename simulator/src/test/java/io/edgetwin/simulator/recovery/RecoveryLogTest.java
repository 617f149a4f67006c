package io.edgetwin.simulator.recovery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.edgetwin.report.Recovery;
import io.edgetwin.simulator.fault.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Recovery timed on a hand-driven clock: broker back → each twin connected → its first answer. */
class RecoveryLogTest {

    private static final long MS = 1_000_000;
    private static final Instant ORIGIN_WALL = Instant.parse("2026-12-06T03:00:00Z");

    private final AtomicLong now = new AtomicLong(0);
    private final AtomicLong lastSent = new AtomicLong(-1);
    private final AtomicLong harnessConnectedAt = new AtomicLong(-1);
    private final TwinConnections connections = new TwinConnections(wallClock(), now::get);
    private final RecoveryLog log = new RecoveryLog(List.of("gw-1", "gw-2"), connections,
            since -> harnessConnectedAt.get() >= since ? OptionalLong.of(harnessConnectedAt.get()) : OptionalLong.empty(),
            lastSent::get);
    private final Fault outage = new Fault.BrokerOutage(Duration.ofSeconds(8), Duration.ofSeconds(6));

    @Test
    void aBrokerOutageIsTimedPerTwinFromTheBrokersReturnWithTheHarnessApart() {
        at(8_000);
        log.started(outage, 0, now.get());
        log.started(outage, 1, now.get());
        at(14_000);
        lastSent.set(99);
        log.back(outage, 0, now.get());
        log.back(outage, 1, now.get());
        harnessConnectedAt.set(ms(14_080));
        at(14_300);
        announce("gw-1", 14_250);
        at(14_400);
        log.answered(0, 99, true, ms(14_400));
        log.answered(0, 100, false, ms(14_410));
        log.answered(0, 101, true, ms(14_420));
        at(15_000);
        announce("gw-2", 14_900);

        Recovery recovery = log.recoveries(0).get(0);

        assertEquals("broker-outage", recovery.fault());
        assertEquals(8_000, recovery.startMs());
        assertEquals(14_000, recovery.endMs());
        assertEquals(80L, recovery.harnessConnectedAfterMs());
        Recovery.TwinRecovery first = recovery.twins().get(0);
        assertEquals(new Recovery.TwinRecovery("gw-1", 14_000, 250L, 420L), first,
                "connected by the twin's own stamp; answering at the first good answer to a request sent after the return");
        Recovery.TwinRecovery second = recovery.twins().get(1);
        assertEquals(900L, second.connectedAfterMs());
        assertNull(second.answeringAfterMs(), "no answer from gw-2 within the run");
    }

    @Test
    void aPowerLossIsTimedFromItsTwinsPowerOnAndDoesNotCutTheHarnessOff() {
        Fault loss = new Fault.PowerLoss(Duration.ofSeconds(24), Duration.ofSeconds(2), 2);
        at(10_000);
        announce("gw-2", 10_000);
        at(24_000);
        log.started(loss, 1, now.get());
        at(26_000);
        log.back(loss, 1, now.get());
        at(29_500);
        announce("gw-2", 29_000);
        log.answered(1, 5, true, ms(30_000));

        Recovery recovery = log.recoveries(0).get(0);

        assertNull(recovery.harnessConnectedAfterMs());
        assertThat(recovery.twins()).containsExactly(new Recovery.TwinRecovery("gw-2", 26_000, 3_000L, 4_000L));
    }

    @Test
    void aFaultThatHasNotEndedHasNoRecovery() {
        log.started(outage, 0, now.get());

        assertThat(log.recoveries(0)).isEmpty();
    }

    private void at(long millis) {
        now.set(ms(millis));
    }

    /** The twin's announcement, stamped {@code stampMs} after the origin on the wall clock, received now. */
    private void announce(String thing, long stampMs) {
        String payload = "{\"thing\":\"" + thing + "\",\"connected\":true,\"reconnect\":true,\"offlineMs\":1,\"timestamp\":\""
                + ORIGIN_WALL.plusMillis(stampMs) + "\"}";
        connections.accept("edgetwin/" + thing + "/connection", payload.getBytes(UTF_8));
    }

    /** A wall clock that moves with {@link #now}: the origin of both is the same moment. */
    private Clock wallClock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return ORIGIN_WALL.plusNanos(now.get());
            }
        };
    }

    private static long ms(long millis) {
        return millis * MS;
    }
}
