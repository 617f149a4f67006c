package io.edgetwin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./edgetwin launcher, copied into a scratch checkout whose docker/ensure-*.sh scripts, mvn and
 * java only record that they ran: --help never starts the engine, and the control case shows it would.
 */
class LauncherHelpTest {

    @TempDir
    Path home;

    @BeforeEach
    void scratchCheckout() throws IOException {
        Files.copy(Path.of("..", "edgetwin"), home.resolve("edgetwin"));
        for (String script : List.of("ensure-engine.sh", "ensure-mosquitto.sh", "ensure-chromium.sh")) {
            executable(home.resolve("docker").resolve(script), "#!/bin/sh\necho " + script + " >> \"" + home.resolve("started")
                    + "\"\n");
        }
        executable(home.resolve("bin/mvn"), "#!/bin/sh\nexit 0\n");
        executable(home.resolve("bin/java"), "#!/bin/sh\necho \"$@\" >> \"" + home.resolve("java-args") + "\"\n");
        Files.createDirectories(home.resolve("simulator/target"));
        Files.createDirectories(home.resolve("edge-core/target/twin-dist/lib"));
        Files.createDirectories(home.resolve("reports/target/lib"));
    }

    @Test
    void helpOnARunNeverStartsTheEngineAndReachesTheCommandLine() throws Exception {
        List<String> output = launch("run", "scenarios/quickstart.yaml", "--help");

        assertThat(home.resolve("started")).doesNotExist();
        assertThat(Files.readString(home.resolve("java-args"))).contains("io.edgetwin.simulator.Main run scenarios/quickstart.yaml --help");
        assertThat(output).isNotNull();
    }

    @Test
    void helpOnTestPrintsTheLaunchersOwnUsage() throws Exception {
        List<String> output = launch("test", "--help");

        assertThat(String.join("\n", output)).contains("Usage: edgetwin test [MAVEN-ARGS...]");
        assertThat(home.resolve("started")).doesNotExist();
        assertThat(home.resolve("java-args")).doesNotExist();
    }

    @Test
    void helpWordBeforeACommandAsksForThatCommandsHelp() throws Exception {
        launch("help", "gate");

        assertThat(Files.readString(home.resolve("java-args"))).contains("io.edgetwin.report.cli.ReportCli gate --help");
        assertThat(home.resolve("started")).doesNotExist();
    }

    @Test
    void aRealRunStartsTheEngineFirstWhichIsWhatHelpAvoids() throws Exception {
        launch("run", "scenarios/quickstart.yaml");

        assertThat(Files.readString(home.resolve("started"))).contains("ensure-engine.sh");
    }

    private List<String> launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("edgetwin").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
