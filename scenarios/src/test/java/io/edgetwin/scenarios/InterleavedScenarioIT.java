package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Execution;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interleaved variants: both fleets up, the load alternating in slices, each variant's slices combined. */
class InterleavedScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void interleavedVariantsEachGetTheirWholeDurationInSlicesAndSaySo() throws Exception {
        Path scenario = dir.resolve("interleaved.yaml");
        Files.writeString(scenario, Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("duration: 30s", "duration: 15s").replace("warmup: 5s", "warmup: 2s") + "execution: interleaved\n");
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--out", out.toString());

        assertThat(exit).isIn(Main.PASSED, Main.THRESHOLD_FAILED);
        Report report = ReportJson.read(out.resolve("report.json"));
        assertEquals(Execution.INTERLEAVED, report.execution());
        for (String variant : List.of("limited", "unlimited")) {
            VariantResult v = report.variants().get(variant);
            assertThat(v.requests().sent()).as("15 s at 50/s, in three slices of 5 s").isBetween(700L, 750L);
            assertThat(v.windows()).hasSizeBetween(15, 18);
            assertThat(v.windows().get(14).startMs()).isEqualTo(14_000);
        }
        assertThat(Leftovers.containers()).isEmpty();
    }
}
