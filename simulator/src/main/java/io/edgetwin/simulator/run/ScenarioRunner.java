package io.edgetwin.simulator.run;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.confidence.RepeatedRuns;
import io.edgetwin.report.confidence.WindowBootstrap;
import io.edgetwin.simulator.scenario.RecipeCatalog;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioReader;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.runtime.EngineChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a scenario file, runs it on real twins and writes its reports: what {@code edgetwin run} and
 * the JUnit 5 kit share. Everything the run starts is stopped when it ends, fails, or the JVM is
 * interrupted (Ctrl-C).
 */
public final class ScenarioRunner {

    private final Path projectRoot;
    private final Consumer<String> progress;
    private EngineChoice engine = EngineChoice.docker();

    /**
     * @param projectRoot the edgetwin checkout (holds the built edge core and docker/)
     * @param progress    receives one line per step of the run
     */
    public ScenarioRunner(Path projectRoot, Consumer<String> progress) {
        this.projectRoot = projectRoot;
        this.progress = progress;
    }

    /** Where the scenario's engine runs its twins: advertise address and registry (docs/scale.md). */
    public ScenarioRunner withEngine(EngineChoice choice) {
        this.engine = choice;
        return this;
    }

    /** Reads and validates {@code file}; throws a ScenarioException naming file:line on bad input. */
    public Scenario read(Path file) {
        TwinImage image = image();
        return new ScenarioReader(RecipeCatalog.load(image.recipes()), Runtime.getRuntime().availableProcessors())
                .read(file);
    }

    /** Runs {@code scenario} once and writes every report format into {@code out}. */
    public Report run(Scenario scenario, Path out) throws Exception {
        return run(scenario, out, 1);
    }

    /**
     * Runs {@code scenario} {@code repeats} times, one run after another, each started afresh (broker,
     * fleets); with more than one, each repeat's reports go to {@code out/repeat-K/} and {@code out} gets
     * the combined report ({@link RepeatedRuns}): medians, spreads and the comparisons' confidence.
     */
    public Report run(Scenario scenario, Path out, int repeats) throws Exception {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeat " + repeats + "; expected at least 1");
        }
        WindowBootstrap bootstrap = new WindowBootstrap(WindowBootstrap.RESAMPLES, scenario.seed());
        List<Report> runs = new ArrayList<>();
        for (int k = 1; k <= repeats; k++) {
            String prefix = repeats == 1 ? "" : "repeat " + k + "/" + repeats + ": ";
            Report report = once(scenario, out, line -> progress.accept(prefix + line));
            if (repeats > 1) {
                write(RepeatedRuns.combine(List.of(report), bootstrap), out.resolve("repeat-" + k));
            }
            runs.add(report);
        }
        Report combined = RepeatedRuns.combine(runs, bootstrap);
        write(combined, out);
        return combined;
    }

    /** One run; on Ctrl-C what it measured so far goes to {@code out}, marked ABORTED. */
    private Report once(Scenario scenario, Path out, Consumer<String> lines) throws Exception {
        Teardown teardown = new Teardown();
        ScenarioRun run = new ScenarioRun(scenario, image(), teardown, lines, Clock.systemUTC()).withEngine(engine);
        Thread hook = new Thread(() -> {
            // what was measured is taken before the twins stop, so their last seconds are not read as gaps
            Optional<Report> partial = partialOf(run);
            closeAfterInterrupt(teardown);
            writePartial(partial, run, out);
        }, "edgetwin-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        Report report;
        try (teardown) {
            report = run.run();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        return report;
    }

    private static void write(Report report, Path out) throws IOException {
        Files.createDirectories(out);
        ReportFormats.writeAll(report, out);
    }

    private TwinImage image() {
        TwinImage image = new TwinImage(projectRoot);
        if (!Files.isDirectory(image.recipes())) {
            throw new TwinException("the edge core is not built (" + image.recipes()
                    + " is missing); run `mvn -q -DskipTests package` in " + projectRoot + " first");
        }
        return image;
    }

    private Optional<Report> partialOf(ScenarioRun run) {
        try {
            return run.partial("interrupted (Ctrl-C)");
        } catch (RuntimeException e) {
            progress.accept("ABORTED: could not assemble the partial report: " + e);
            return Optional.empty();
        }
    }

    /**
     * On Ctrl-C: what the variants measured until then, the one being measured marked partial, the report
     * ABORTED, as k6 prints its summary when interrupted.
     */
    private void writePartial(Optional<Report> partial, ScenarioRun run, Path out) {
        try {
            partial.ifPresentOrElse(report -> {
                try {
                    write(report, out);
                    progress.accept("ABORTED: wrote what was measured until the interrupt to " + out
                            + " (report.html, report.md, junit.xml, report.json); " + run.lastProgress());
                } catch (IOException e) {
                    progress.accept("ABORTED: could not write the partial report to " + out + ": " + e.getMessage());
                }
            }, () -> progress.accept("ABORTED before any variant was measured, so no report was written; last progress: "
                    + run.lastProgress()));
        } catch (RuntimeException e) {
            progress.accept("ABORTED: could not assemble the partial report: " + e);
        }
    }

    private void closeAfterInterrupt(Teardown teardown) {
        try {
            teardown.close();
            progress.accept("interrupted; stopped every twin and the broker");
        } catch (Exception e) {
            progress.accept("cleanup after interrupt failed: " + e);
        }
    }
}
