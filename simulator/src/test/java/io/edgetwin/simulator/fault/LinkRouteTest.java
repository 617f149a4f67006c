package io.edgetwin.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkRouteTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration TEN = Duration.ofSeconds(10);

    @Test
    void aRunWithoutFaultsConnectsEveryCoreStraightToTheBroker() {
        LinkRoute route = LinkRoute.of(List.of(), LOOPBACK);

        assertThat(route).isInstanceOf(LinkRoute.Direct.class);
        assertThat(route.proxied()).isFalse();
        assertThat(route.describe()).startsWith("link: direct");
    }

    @Test
    void faultsThatLeaveTheLinkAloneKeepItDirect() {
        List<Fault> faults = List.of(
                new Fault.BrokerOutage(TEN, TEN),
                new Fault.PowerLoss(TEN, TEN, 1),
                new Fault.WanOutage(TEN, TEN, null),
                new Fault.Neighbour("neighbour-spin", TEN, TEN, null, "com.edgetwin.CpuHog", "1.0.0", Map.of()),
                new Fault.Limits(TEN, 1, "com.edgetwin.Inference", 65536L, 0.5),
                new Fault.DeviceCaps(TEN, 1, 512L << 20, 0.5),
                new Fault.Attack("rogue-publish", TEN, 1, 20),
                new Fault.Attack("foreign-ca", TEN, 1, 1),
                new Fault.Attack("cert-expired", TEN, 1, 1));

        assertThat(LinkRoute.of(faults, LOOPBACK).proxied()).isFalse();
    }

    @Test
    void aLinkFaultPutsTheRunsTwinsBehindTheProxyAndIsNamed() {
        Fault cut = new Fault.Link(TEN, Duration.ofSeconds(5), 2, new LinkConditions(true, Duration.ZERO, 0, 0));

        LinkRoute route = LinkRoute.of(List.of(new Fault.BrokerOutage(TEN, TEN), cut), LOOPBACK);

        assertThat(route.proxied()).isTrue();
        assertThat(route.describe()).isEqualTo("link: through the link proxy (faults: link at 10 s on twin 2)");
    }

    @Test
    void aRevokedCertificateNeedsTheProxyToCutTheVictimsLink() {
        LinkRoute route = LinkRoute.of(List.of(new Fault.Attack("cert-revoked", Duration.ofMillis(2500), 1, 1)), LOOPBACK);

        assertThat(route.proxied()).isTrue();
        assertThat(route.describe()).contains("faults: cert-revoked at 2500 ms on twin 1");
    }

    @Test
    void twinsThatMeetTheBrokerAwayFromLoopbackGoThroughTheProxyEvenWithoutFaults() {
        LinkRoute route = LinkRoute.of(List.of(), "10.0.0.5");

        assertThat(route.proxied()).isTrue();
        assertThat(route.describe()).contains("twins meet the broker at 10.0.0.5").doesNotContain("faults:");
    }

    @Test
    void aProxiedRouteWithoutAReasonIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinkRoute.Proxied(List.of()));

        assertThat(e.getMessage()).contains("needs a reason");
    }
}
