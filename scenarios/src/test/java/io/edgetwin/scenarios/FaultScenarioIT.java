package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
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
        JsonNode observations = new ObjectMapper().readTree(out.resolve("observations.json").toFile());
        assertEquals("PASS", observations.path("verdict").asText());
        for (String variant : List.of("limited", "unlimited")) {
            JsonNode v = observations.path("variants").path(variant);
            List<String> events = events(v);
            assertThat(events).anyMatch(e -> e.startsWith("fault-start null broker-outage"));
            assertThat(events).anyMatch(e -> e.startsWith("fault-end null broker-outage"));
            assertThat(events).anyMatch(e -> e.startsWith("fault-start outage-and-power-loss-" + variant + "-2 power-loss"));
            assertThat(events).anyMatch(e -> e.startsWith("power-on outage-and-power-loss-" + variant + "-2"));
            for (int twin = 1; twin <= 2; twin++) {
                String thing = "outage-and-power-loss-" + variant + "-" + twin;
                assertThat(events).as("twin %s reconnects after the outage", thing).anyMatch(e -> e.startsWith("reconnect " + thing));
            }
            JsonNode generator = v.path("generator");
            assertEquals(0, generator.path("unanswered").asLong(), "every request handed to the broker was answered");
            assertThat(generator.path("dropped").asLong()).as("requests due while the broker was down").isPositive();
            VariantResult result = report.variants().get(variant);
            assertEquals(0, result.requests().failed());
            assertEquals(result.requests().sent(), result.requests().ok(), "QoS 1 answers: nothing lost");
            assertThat(v.path("series").findValuesAsText("component")).contains("device", "com.edgetwin.Inference");
            assertThat(v.path("validity").path("valid").asBoolean()).isTrue();
        }
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    private static List<String> events(JsonNode variant) {
        List<String> events = new ArrayList<>();
        variant.path("events").forEach(e -> events.add(e.path("kind").asText() + " " + e.path("twin").asText("null") + " "
                + e.path("detail").asText()));
        return events;
    }
}
