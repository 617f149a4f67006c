package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Outcome;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.simulator.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet runs to the end through a broker outage and a power loss, and nothing it answered is lost. */
class FaultScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

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
            assertThat(v.requests().late()).as("requests due while the broker was down were dropped, and counted").isPositive();
            assertThat(v.series()).extracting(ResourceSeries::component).contains("device", "com.edgetwin.Inference");
            assertThat(v.twins()).allMatch(t -> t.reconnects() > 0, "every twin reconnected");
            assertThat(v.validity().valid()).isTrue();
        }
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    private static List<String> events(VariantResult variant) {
        List<String> events = new ArrayList<>();
        variant.events().forEach(e -> events.add(e.kind() + " " + e.twin() + " " + e.detail()));
        return events;
    }
}
