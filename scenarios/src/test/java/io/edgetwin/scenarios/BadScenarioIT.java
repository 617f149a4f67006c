package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.simulator.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with what and where, before anything is started. */
class BadScenarioIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path dir;

    @Test
    void aNegativeMemoryExitsTwoNamingTheFieldAndStartsNothing() throws Exception {
        Path scenario = dir.resolve("negative-memory.yaml");
        Files.writeString(scenario, Files.readString(HOME.resolve("scenarios/quickstart.yaml"))
                .replace("memory: 768m", "memory: -5m"));

        Run run = run("run", scenario.toString(), "--out", dir.resolve("out").toString());

        assertEquals(Main.BAD_INPUT, run.exit());
        assertThat(run.stderr()).contains(scenario + ":").contains("device.memory").contains("-5m");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    @Test
    void aMissingScenarioFileExitsTwoNamingIt() {
        Run run = run("run", dir.resolve("absent.yaml").toString());

        assertEquals(Main.BAD_INPUT, run.exit());
        assertThat(run.stderr()).contains("absent.yaml: no such scenario file");
    }

    @Test
    void anUnknownFlagExitsTwo() {
        Run run = run("run", "--frobnicate", "scenarios/quickstart.yaml");

        assertEquals(Main.BAD_INPUT, run.exit());
        assertThat(run.stderr()).contains("--frobnicate");
    }

    private static Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private record Run(int exit, String stderr) {
    }
}
