package io.edgetwin.simulator;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.cli.Failures;
import io.edgetwin.report.cli.GateCommand;
import io.edgetwin.report.cli.RenderCommand;
import io.edgetwin.report.cli.TrendCommand;
import io.edgetwin.simulator.host.HostProvenance;
import io.edgetwin.report.headline.Headline;
import io.edgetwin.report.gate.ThresholdException;
import io.edgetwin.simulator.broker.BrokerException;
import io.edgetwin.simulator.cloud.CloudException;
import io.edgetwin.simulator.run.ScenarioRunner;
import io.edgetwin.simulator.run.Teardown;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioException;
import io.edgetwin.simulator.sizing.GridScan;
import io.edgetwin.simulator.sizing.MemoryRange;
import io.edgetwin.simulator.sizing.Sizing;
import io.edgetwin.simulator.sizing.SizingException;
import io.edgetwin.simulator.sizing.SizingFiles;
import io.edgetwin.simulator.sizing.SizingRequest;
import io.edgetwin.simulator.sizing.SizingSearch;
import io.edgetwin.simulator.sizing.TwinTrialRunner;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code edgetwin} command line. Exit codes: 0 every threshold held, 1 a threshold failed, 2 bad
 * input or a setup error, 3 the run is INVALID (too short, too few answers for a percentile, the load
 * generator overloaded, or the host busy with other work); INVALID wins over a threshold failure.
 */
@Command(name = "edgetwin", mixinStandardHelpOptions = true, version = "edgetwin " + HostProvenance.VERSION,
        exitCodeOnInvalidInput = 2,
        description = "Digital-twin edge devices in capped containers: limited vs unlimited ML inference.",
        footer = {"", "Every command takes --help. report, gate, trend and the lints need no Docker (docs/report.md).",
            "Exit codes: 0 pass, 1 a threshold failed, 2 bad input, 3 the run is invalid, 4 an unexpected error,",
            "130 aborted (Ctrl-C; a partial report marked ABORTED is written)."},
        subcommands = {Main.Run.class, RenderCommand.class, GateCommand.class, TrendCommand.class, Main.Size.class,
            LauncherCommands.Test.class, LauncherCommands.Recipe.class, LauncherCommands.Deployment.class,
            BenchCommand.class, ModelCommand.class})
public final class Main implements Callable<Integer> {

    public static final int PASSED = 0;
    public static final int THRESHOLD_FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** The run's measurements cannot be trusted (report.json's validity says why). */
    public static final int RUN_INVALID = 3;
    /** Something failed that no input explains (a bug, or the machine); the message says what, --verbose how. */
    public static final int UNEXPECTED = Failures.UNEXPECTED;
    /** The run was stopped before its end (Ctrl-C, 128 + SIGINT); a partial report marked ABORTED was written. */
    public static final int ABORTED = 130;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return Failures.execute(new CommandLine(new Main()), Main::isBadInput, args);
    }

    /** Whether {@code e} says what was wrong with the input or the setup (exit 2), rather than a bug. */
    static boolean isBadInput(Exception e) {
        return e instanceof ScenarioException || e instanceof TwinException || e instanceof BrokerException
                || e instanceof ThresholdException || e instanceof Teardown.TeardownStartedException
                || e instanceof CloudException || e instanceof SizingException || e instanceof ReportException;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return BAD_INPUT;
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("edgetwin.home", ".")).toAbsolutePath().normalize();
    }

    /** {@code edgetwin run SCENARIO [--out DIR]}. */
    @Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Run a scenario on real twins and write report.json, report.html, report.md and junit.xml.",
                "Ends with one line per comparison stating its effect, then the verdict. Ctrl-C stops every twin and writes",
                "what was measured so far, marked ABORTED."})
    static final class Run implements Callable<Integer> {

        @Parameters(paramLabel = "SCENARIO", description = "scenario file, e.g. scenarios/quickstart.yaml")
        Path scenarioFile;

        @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: out/<scenario>)")
        Path out;

        @Option(names = "--repeat", paramLabel = "N", description = "run the variants N times; report medians, spreads"
                + " and each comparison's confidence (default 1; docs/report.md)")
        int repeat = 1;

        @picocli.CommandLine.Mixin
        EngineOptions engine = new EngineOptions();

        @Override
        public Integer call() throws Exception {
            PrintStream err = System.err;
            if (repeat < 1) {
                err.println("edgetwin: error: --repeat " + repeat + " is not a number of runs; expected 1 or more");
                return BAD_INPUT;
            }
            ScenarioRunner runner = new ScenarioRunner(projectRoot(), line -> err.println("edgetwin: " + line))
                    .withEngine(engine.choice());
            Scenario scenario = engine.apply(runner.read(scenarioFile));
            Path dir = out != null ? out : Path.of("out", scenario.name());
            Report report = runner.run(scenario, dir, repeat);
            report.variants().forEach((variant, result) -> {
                result.validity().reasons().forEach(reason -> err.println("edgetwin: [" + variant + "] INVALID: " + reason));
                result.thresholds().stream().filter(t -> !t.passed()).forEach(t -> err.println("edgetwin: [" + variant
                        + "] threshold failed: " + t.expr() + ": " + t.outcome()));
            });
            Headline.sentences(report).forEach(effect -> err.println("edgetwin: " + effect));
            RepeatLines.of(report).forEach(line -> err.println("edgetwin: " + line));
            err.println("edgetwin: " + report.verdict() + " — reports in " + dir + " (report.html, report.md,"
                    + " junit.xml, report.json)");
            return switch (report.verdict()) {
                case PASS -> PASSED;
                case FAIL -> THRESHOLD_FAILED;
                case INVALID -> RUN_INVALID;
                case ABORTED -> ABORTED;
            };
        }

        static void closeQuietly(Teardown teardown, PrintStream err) {
            try {
                teardown.close();
                err.println("edgetwin: interrupted; stopped every twin and the broker");
            } catch (Exception e) {
                err.println("edgetwin: cleanup after interrupt failed: " + e);
            }
        }
    }

    /**
     * {@code edgetwin size SCENARIO --component NAME --slo EXPR... [--memory 64m..1g] [--cpus 0.1..2] [--out DIR]}:
     * the smallest caps that keep the component within its SLOs, confirmed by a run (docs/sizing.md). Exit 0
     * confirmed, 1 no feasible caps or not confirmed, 2 bad input.
     */
    @Command(name = "size", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Find the smallest memory and CPU caps that keep a component within its SLOs, and confirm them.")
    static final class Size implements Callable<Integer> {

        @Parameters(paramLabel = "SCENARIO", description = "scenario file whose device, components and workload are used")
        Path scenarioFile;

        @Option(names = "--component", required = true, paramLabel = "NAME", description = "the component to size")
        String component;

        @Option(names = "--slo", required = true, paramLabel = "EXPR",
                description = "an SLO in the threshold language, e.g. \"latency.p99 < 50ms\" (repeatable)")
        List<String> slos;

        @Option(names = "--memory", paramLabel = "LOW..HIGH", description = "memory caps to search (default 64m..1g)")
        String memory = "64m..1g";

        @Option(names = "--cpus", paramLabel = "LOW..HIGH", description = "CPU caps to search, in cores (default 0.1..2)")
        String cpus = "0.1..2";

        @Option(names = "--out", paramLabel = "DIR", description = "where sizing.json, sizing.html, the snippet and trials/ go "
                + "(default: out/size-<scenario>)")
        Path out;

        @Option(names = "--dense-grid", paramLabel = "STEP", description = "instead of searching, try every memory cap STEP apart "
                + "(e.g. 16m) over --memory at the top of --cpus; writes grid.json")
        String denseGrid;

        @Override
        public Integer call() throws Exception {
            PrintStream err = System.err;
            Scenario scenario = new ScenarioRunner(projectRoot(), line -> err.println("edgetwin: " + line)).read(scenarioFile);
            TwinImage image = new TwinImage(projectRoot());
            SizingRequest request = SizingRequest.of(scenario, component, slos, memory, cpus);
            Path dir = out != null ? out : Path.of("out", "size-" + scenario.name());
            AtomicReference<Teardown> running = new AtomicReference<>();
            Thread hook = new Thread(() -> {
                Teardown teardown = running.get();
                if (teardown != null) {
                    Run.closeQuietly(teardown, err);
                }
            }, "edgetwin-teardown");
            Runtime.getRuntime().addShutdownHook(hook);
            try (TwinTrialRunner runner = new TwinTrialRunner(request, image, dir, line -> err.println("edgetwin: " + line),
                    running)) {
                return denseGrid != null ? grid(request, runner, dir, err) : search(request, runner, dir, err);
            } finally {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }

        private static int search(SizingRequest request, TwinTrialRunner runner, Path dir, PrintStream err) throws Exception {
            Instant startedAt = Instant.now();
            Sizing sizing = new SizingSearch(request.memory(), request.cpus(), runner, line -> err.println("edgetwin: " + line)).run();
            List<Path> files = SizingFiles.writeAll(request, sizing, startedAt, Instant.now(), dir);
            err.println("edgetwin: " + sizing.summary());
            err.println("edgetwin: wrote " + files.stream().map(Path::toString).toList());
            return sizing.confirmed() ? PASSED : THRESHOLD_FAILED;
        }

        private int grid(SizingRequest request, TwinTrialRunner runner, Path dir, PrintStream err) throws Exception {
            long stepKb = GridScan.stepKb(denseGrid);
            GridScan.Result grid = new GridScan(request.memory(), request.cpus(), stepKb, runner,
                    line -> err.println("edgetwin: " + line)).run();
            Path file = SizingFiles.writeGrid(request, stepKb, grid, dir);
            err.println("edgetwin: dense grid minimum: " + (grid.minimumKb() == null ? "none (the top of --memory failed)"
                    : MemoryRange.label(grid.minimumKb()) + ", with headroom " + MemoryRange.label(grid.recommendedKb()))
                    + " after " + grid.trials().size() + " trials; wrote " + file);
            return grid.minimumKb() == null ? THRESHOLD_FAILED : PASSED;
        }
    }
}
