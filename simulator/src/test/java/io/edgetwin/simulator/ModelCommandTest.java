package io.edgetwin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgetwin model check} refuses what it can without Docker, naming what it expected. */
class ModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void missingModelFolderExitsTwoNamingIt() {
        String err = stderrOf(() -> assertEquals(Main.BAD_INPUT, Main.execute("model", "check", dir.resolve("nope").toString())));

        assertThat(err).contains("model '" + dir.resolve("nope") + "' does not exist; expected a model folder or its manifest");
    }

    @Test
    void missingSamplesExitTwoNamingThem() {
        String err = stderrOf(() -> assertEquals(Main.BAD_INPUT, Main.execute("model", "check", dir.toString(),
                "--samples", dir.resolve("s.csv").toString())));

        assertThat(err).contains("samples '" + dir.resolve("s.csv") + "' do not exist; expected a CSV file 'label,v0,...'");
    }

    @Test
    void modelWithoutSubcommandPrintsUsageAndExitsTwo() {
        String err = stderrOf(() -> assertEquals(Main.BAD_INPUT, Main.execute("model")));

        assertThat(err).contains("check");
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
