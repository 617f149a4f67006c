package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.Validity;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run too short for the percentile it asks for is INVALID, with its own exit code and the reasons. */
class InvalidRunIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void threeSecondsAtTenPerSecondAskingForP99ExitsThreeWithTheReasons() throws Exception {
        Path scenario = dir.resolve("too-short.yaml");
        Files.writeString(scenario, Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("rate: 50/s", "rate: 10/s").replace("warmup: 5s", "warmup: 1s").replace("duration: 30s", "duration: 3s"));
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--out", out.toString());

        assertEquals(Main.RUN_INVALID, exit);
        Report report = ReportJson.read(out.resolve("report.json"));
        assertEquals(Outcome.INVALID, report.verdict());
        Validity limited = report.variants().get("limited").validity();
        assertThat(limited.valid()).isFalse();
        assertThat(String.join("; ", limited.reasons())).contains("p99").contains("662").contains("minimum is 10000 ms");
        assertThat(Leftovers.containers()).isEmpty();
    }
}
