package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.Recovery;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.simulator.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet runs to the end through a broker outage and a power loss, nothing it answered is lost, and the
 * report's own recovery figures show each twin connected and answering soon after the broker is back.
 * The 2 s bound is the mechanism's (the core redials every 100 ms; the harness's client is counted
 * apart), not a latency SLO: without the redial the core's backoff alone took up to 4 s.
 */
class FaultScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    /** After the outage ends, each twin is connected and answering again within this. */
    private static final long RECOVERED_WITHIN_MS = 2_000;

    @TempDir
    Path out;

    @Test
    void aBrokerOutageAndAPowerLossAreEventsAndNoQos1AnswerIsLost() throws Exception {
        int exit = Main.execute("run", HOME.resolve("scenarios/outage-and-power-loss.yaml").toString(), "--out", out.toString());

        assertEquals(Main.PASSED, exit);
        Report report = ReportJson.read(out.resolve("report.json"));
        assertEquals(Outcome.PASS, report.verdict());
        for (String variant : List.of("limited", "unlimited")) {
            VariantResult v = report.variants().get(variant);
            List<String> events = events(v);
            assertThat(events).anyMatch(e -> e.startsWith("fault-start null broker-outage"));
            assertThat(events).anyMatch(e -> e.startsWith("fault-end null broker-outage"));
            assertThat(events).anyMatch(e -> e.startsWith("fault-start outage-and-power-loss-" + variant + "-2 power-loss"));
            assertThat(events).anyMatch(e -> e.startsWith("power-on outage-and-power-loss-" + variant + "-2"));
            for (int twin = 1; twin <= 2; twin++) {
                String thing = "outage-and-power-loss-" + variant + "-" + twin;
                assertThat(events).as("twin %s reconnects after the outage", thing).anyMatch(e -> e.startsWith("reconnect " + thing));
            }
            assertEquals(0, v.requests().failed(), "every request handed to the broker was answered (none unanswered)");
            assertEquals(v.requests().sent(), v.requests().ok(), "QoS 1 answers: nothing lost");
            assertThat(v.requests().unsent()).as("requests due while the broker was down are the harness's, counted apart")
                    .isPositive();
            assertThat(v.requests().late()).as("requests due to the powered-off twin were dropped, and counted").isPositive();
            assertRecoveredFromTheOutage(variant, v);
            assertRecoveredFromThePowerLoss(variant, v);
            assertThat(v.series()).extracting(ResourceSeries::component).contains("device", "com.edgetwin.Inference");
            assertThat(v.twins()).allMatch(t -> t.reconnects() > 0, "every twin reconnected");
            assertThat(v.validity().valid()).isTrue();
        }
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    private static void assertRecoveredFromTheOutage(String variant, VariantResult v) {
        Recovery outage = v.recovery().stream().filter(r -> r.fault().equals("broker-outage")).findFirst().orElseThrow(
                () -> new AssertionError(variant + ": no recovery figures for the broker outage in " + v.recovery()));
        assertThat(outage.harnessConnectedAfterMs()).as("%s: the harness's own reconnect is measured apart", variant).isNotNull();
        assertThat(outage.twins()).extracting(Recovery.TwinRecovery::twin).containsExactly(
                "outage-and-power-loss-" + variant + "-1", "outage-and-power-loss-" + variant + "-2");
        for (Recovery.TwinRecovery twin : outage.twins()) {
            assertThat(twin.connectedAfterMs()).as("%s connected again after the outage (ms)", twin.twin())
                    .isNotNull().isLessThanOrEqualTo(RECOVERED_WITHIN_MS);
            assertThat(twin.answeringAfterMs()).as("%s answering again after the outage (ms)", twin.twin())
                    .isNotNull().isLessThanOrEqualTo(RECOVERED_WITHIN_MS);
        }
        System.out.println(variant + " broker-outage recovery: harness " + outage.harnessConnectedAfterMs() + " ms; "
                + outage.twins());
    }

    private static void assertRecoveredFromThePowerLoss(String variant, VariantResult v) {
        Recovery loss = v.recovery().stream().filter(r -> r.fault().equals("power-loss")).findFirst().orElseThrow(
                () -> new AssertionError(variant + ": no recovery figures for the power loss in " + v.recovery()));
        assertThat(loss.harnessConnectedAfterMs()).as("a power loss does not cut the harness off").isNull();
        assertThat(loss.twins()).singleElement().satisfies(twin -> {
            assertThat(twin.twin()).isEqualTo("outage-and-power-loss-" + variant + "-2");
            assertThat(twin.recovered()).as("twin 2 connected and answering after its power came back: %s", twin).isTrue();
        });
        System.out.println(variant + " power-loss recovery: " + loss.twins());
    }

    private static List<String> events(VariantResult variant) {
        List<String> events = new ArrayList<>();
        variant.events().forEach(e -> events.add(e.kind() + " " + e.twin() + " " + e.detail()));
        return events;
    }
}
