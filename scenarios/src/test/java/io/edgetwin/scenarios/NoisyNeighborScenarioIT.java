package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Event;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leaking neighbour: contained by its own cap when limited, takes the twin to its cap when not. */
class NoisyNeighborScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final String LEAKER = "com.edgetwin.MemoryLeaker";
    private static final String INFERENCE = "com.edgetwin.Inference";

    @TempDir
    Path out;

    @Test
    void theLeakerIsKilledAloneUnderLimitsWhileInferenceKeepsAnsweringAndWithoutLimitsTheTwinRunsOut() throws Exception {
        int exit = Main.execute("run", HOME.resolve("scenarios/noisy-neighbor.yaml").toString(), "--out", out.toString());

        assertEquals(Main.PASSED, exit);
        Report report = ReportJson.read(out.resolve("report.json"));
        VariantResult limited = report.variants().get("limited");
        assertThat(limited.oomKills().components().get(LEAKER)).isGreaterThanOrEqualTo(1);
        assertThat(limited.components().get(LEAKER).restarts()).isGreaterThanOrEqualTo(1);
        assertThat(limited.components().get(LEAKER).enforced()).isTrue();
        assertThat(limited.oomKills().device()).isZero();
        assertThat(limited.requests().failed()).isLessThan(limited.requests().sent() / 100);
        assertThat(limited.components().get(INFERENCE).state()).isEqualTo("RUNNING");

        VariantResult unlimited = report.variants().get("unlimited");
        long cap = unlimited.device().memoryBytes();
        assertThat(unlimited.devicePeakMemoryBytes()).as("the twin reached its memory cap").isGreaterThan(cap * 95 / 100);
        assertThat(unlimited.oomKills().device()).as("what died: killed by the twin's cap").isGreaterThanOrEqualTo(1);
        assertThat(unlimited.components().get(LEAKER).enforced()).isFalse();

        for (VariantResult variant : report.variants().values()) {
            assertThat(variant.components().get(LEAKER).stateHistory()).as("state history").isNotEmpty();
            assertThat(variant.series()).extracting(ResourceSeries::component).as("resource samples")
                    .contains(LEAKER, INFERENCE, ResourceSeries.DEVICE);
            assertThat(variant.events()).extracting(Event::kind).contains(Event.OOM_KILL);
        }
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("noisy-neighbor: PASS").contains("OOM MemoryLeaker");
        assertThat(PageShot.of(out.resolve("report.html"), "noisy-neighbor")).isNotEmptyFile();
    }
}
