package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run stops every twin and the broker, and writes what the running variant measured
 * until then as a partial variant of a report marked ABORTED.
 */
class InterruptIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @TempDir
    Path out;

    @Test
    void ctrlCWhileTheLoadRunsStopsTheTwinAndTheBrokerAndReportsThePartialVariant() throws Exception {
        assumeFalse(interruptIgnored(), "SIGINT is ignored by this test run (SigIgn in /proc/self/status), as in a "
                + "background job of a non-interactive shell; the CLI inherits that, so Ctrl-C cannot reach it. "
                + "Run the tests in the foreground to check Ctrl-C.");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dedgetwin.home=" + HOME, "-cp", System.getProperty("java.class.path"),
                "io.edgetwin.simulator.Main", "run", HOME.resolve("scenarios/quickstart.yaml").toString(),
                "--out", out.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> loadStarted = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(cli, lines, loadStarted));
        reader.start();

        loadStarted.get(5, TimeUnit.MINUTES);
        assertThat(Leftovers.containers()).hasSize(1);
        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();
        boolean exited = cli.waitFor(60, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(exited).as("the CLI exits after Ctrl-C; output: %s", lines).isTrue();
        assertThat(cli.exitValue()).as("128 + SIGINT").isEqualTo(130);
        assertThat(lines).anyMatch(line -> line.contains("interrupted; stopped every twin and the broker"));
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
        Report report = ReportJson.read(out.resolve("report.json"));
        assertThat(report.verdict()).isEqualTo(Outcome.ABORTED);
        assertThat(report.aborted()).contains("interrupted (Ctrl-C)");
        assertThat(report.variants()).as("the quickstart runs limited first; unlimited never started").containsOnlyKeys("limited");
        VariantResult limited = report.variants().get("limited");
        assertThat(limited.partial()).contains("interrupted (Ctrl-C) after").contains("of 30 s of its measured load");
        assertThat(limited.validity().valid()).as("a partial variant never passes a gate").isFalse();
        assertThat(limited.requests().ok()).as("what was answered before the interrupt").isPositive();
        assertThat(limited.latencyHistogram().histogram().getTotalCount()).isEqualTo(limited.requests().ok());
        assertThat(limited.correct()).isNotNull();
        assertThat(Files.readString(out.resolve("report.md"))).contains("ABORTED").contains("PARTIAL");
    }

    /** Whether SIGINT (signal 2) is in this process's ignored-signals mask, which every child inherits. */
    private static boolean interruptIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static void follow(Process cli, List<String> lines, CompletableFuture<Void> loadStarted) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.contains("1/30 s")) {
                    loadStarted.complete(null);
                }
            }
            loadStarted.completeExceptionally(new IllegalStateException("the CLI ended before the load started: " + lines));
        } catch (IOException e) {
            loadStarted.completeExceptionally(e);
        }
    }
}
