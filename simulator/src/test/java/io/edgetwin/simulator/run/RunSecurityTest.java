package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.OomKills;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.attack.AttackTally;
import io.edgetwin.simulator.scenario.Security;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSecurityTest {

    @Test
    void securedVariantWhoseAttacksGotThroughIsInvalidWithItsOwnReason() {
        AttackTally tally = new AttackTally();
        tally.add(50, 49, 1, 0);

        VariantResult judged = RunSecurity.judged(Security.MTLS, tally, variant());

        assertThat(judged.validity().valid()).isFalse();
        assertThat(judged.validity().reasons()).containsExactly("security breach: 1 forbidden message(s) delivered across things"
                + " and 0 forbidden connection(s) admitted despite mTLS and the topic policy; the fleet did not run as secured"
                + " (docs/security.md)");
    }

    @Test
    void securedVariantThatRefusedEveryAttackStaysValid() {
        AttackTally tally = new AttackTally();
        tally.add(50, 50, 0, 0);

        assertThat(RunSecurity.judged(Security.MTLS, tally, variant()).validity().valid()).isTrue();
    }

    @Test
    void plainVariantIsCountedNotJudged() {
        AttackTally tally = new AttackTally();
        tally.add(50, 0, 50, 1);

        assertThat(RunSecurity.judged(Security.NONE, tally, variant()).validity().valid()).isTrue();
    }

    @Test
    void eachAttackIsAReportRowAndTheTotalsAreTheVariantsSecurityFigures() {
        AttackTally tally = new AttackTally();
        AttackTally one = new AttackTally();
        one.add(20, 20, 0, 0);
        tally.record("rogue-publish", "ipc", "plant-1", "plant-2", one, "refused");
        AttackTally other = new AttackTally();
        other.add(1, 1, 0, 0);
        tally.record("cert-revoked", "tls", "plant-2", null, other, "could not connect again");

        io.edgetwin.report.SecurityResult result = tally.result("mtls");

        assertThat(List.of(result.attempts(), result.refused(), result.deliveries(), result.admitted()))
                .containsExactly(21L, 21L, 0L, 0L);
        assertThat(result.attacks()).extracting(a -> a.kind() + " " + a.via() + " " + a.victim() + " " + a.attempts())
                .containsExactly("rogue-publish ipc plant-1 20", "cert-revoked tls plant-2 1");
    }

    private static VariantResult variant() {
        return VariantResult.measured(DeviceCaps.of(768L << 20, 1.0), DeviceCaps.of(768L << 20, 1.0), 1900, Validity.ok(),
                new RequestCounts(100, 100, 0, 0), new LatencySummary(2, 4, 8.6, 9, 3), EncodedHistogram.empty(60_000_000_000L),
                50, 300L << 20, OomKills.none(), Map.of());
    }
}
