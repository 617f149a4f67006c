package io.edgetwin.simulator;

import io.edgetwin.report.Report;
import io.edgetwin.report.gate.ThresholdException;
import io.edgetwin.simulator.broker.BrokerException;
import io.edgetwin.simulator.cloud.CloudException;
import io.edgetwin.simulator.run.ScenarioRunner;
import io.edgetwin.simulator.run.Teardown;
import io.edgetwin.simulator.run.DeploymentBenchmark;
import io.edgetwin.simulator.run.TwinStartBenchmark;
import io.edgetwin.simulator.scenario.DeviceSpec;
import java.util.List;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioException;
import io.edgetwin.simulator.sizing.GridScan;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code edgetwin} command line. Exit codes: 0 every threshold held, 1 a threshold failed, 2 bad
 * input or a setup error, 3 the run is INVALID (too short, too few answers for a percentile, or the
 * load generator overloaded); INVALID wins over a threshold failure.
 */
@Command(name = "edgetwin", mixinStandardHelpOptions = true, version = "edgetwin 0.1.0", exitCodeOnInvalidInput = 2,
        description = "Digital-twin edge devices in capped containers: limited vs unlimited ML inference.",
        footer = {"", "On a finished run (no Docker needed; docs/report.md):",
            "  edgetwin report DIR   render report.html, report.md and junit.xml again from DIR/report.json",
            "  edgetwin gate DIR [--threshold EXPR]... [--baseline OLD/report.json [--tolerance EXPR]...]"},
        subcommands = {Main.Run.class, Main.Size.class, Main.Bench.class})
public final class Main implements Callable<Integer> {

    public static final int PASSED = 0;
    public static final int THRESHOLD_FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** The run's measurements cannot be trusted (report.json's validity says why). */
    public static final int RUN_INVALID = 3;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("edgetwin: error: " + message(e));
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return BAD_INPUT;
    }

    private static String message(Exception e) {
        if (e instanceof ScenarioException || e instanceof TwinException || e instanceof BrokerException
                || e instanceof ThresholdException || e instanceof Teardown.TeardownStartedException
                || e instanceof CloudException || e instanceof SizingException) {
            return e.getMessage();
        }
        return e.toString();
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("edgetwin.home", ".")).toAbsolutePath().normalize();
    }

    /** {@code edgetwin run SCENARIO [--out DIR]}. */
    @Command(name = "run", exitCodeOnInvalidInput = 2, description = "Run a scenario on real twins and write report.json and report.md.")
    static final class Run implements Callable<Integer> {

        @Parameters(paramLabel = "SCENARIO", description = "scenario file, e.g. scenarios/quickstart.yaml")
        Path scenarioFile;

        @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: out/<scenario>)")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintStream err = System.err;
            ScenarioRunner runner = new ScenarioRunner(projectRoot(), line -> err.println("edgetwin: " + line));
            Scenario scenario = runner.read(scenarioFile);
            Path dir = out != null ? out : Path.of("out", scenario.name());
            Report report = runner.run(scenario, dir);
            report.variants().forEach((variant, result) -> result.validity().reasons()
                    .forEach(reason -> err.println("edgetwin: [" + variant + "] INVALID: " + reason)));
            err.println("edgetwin: " + report.verdict() + " — reports in " + dir + " (report.html, report.md,"
                    + " junit.xml, report.json)");
            return switch (report.verdict()) {
                case PASS -> PASSED;
                case FAIL -> THRESHOLD_FAILED;
                case INVALID -> RUN_INVALID;
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
    @Command(name = "size", exitCodeOnInvalidInput = 2,
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

        @Option(names = "--dense-grid", paramLabel = "STEP", description = "instead of searching, try memory every STEP (e.g. 16m) "
                + "upward from the bottom of --memory at the top of --cpus until two caps in a row pass; writes grid.json")
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
            TwinTrialRunner runner = new TwinTrialRunner(request, image, dir, line -> err.println("edgetwin: " + line), running);
            try {
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
            GridScan.Result grid = new GridScan(request.memory(), request.cpus().max(), stepKb, runner,
                    line -> err.println("edgetwin: " + line)).run();
            Path file = SizingFiles.writeGrid(request, stepKb, grid, dir);
            err.println("edgetwin: dense grid minimum: " + (grid.minimumKb() == null ? "none (no two caps in a row passed)"
                    : grid.minimumKb() + " KB") + " after " + grid.trials().size() + " trials; wrote " + file);
            return grid.minimumKb() == null ? THRESHOLD_FAILED : PASSED;
        }
    }

    /** {@code edgetwin bench twin-start|fleet|load|deployment [options]}. */
    @Command(name = "bench", exitCodeOnInvalidInput = 2,
            description = "Measure twin cold start (twin-start: container create -> model ready, one twin after another), "
                    + "a fleet of idle twins started at once (fleet), the load generator (load: against a null responder "
                    + "on loopback), or a model release rolled out to a fleet of twins (deployment: jobs sent -> every job final).")
    static final class Bench implements Callable<Integer> {

        @Parameters(paramLabel = "WHAT", description = "what to measure: twin-start, fleet, load or deployment")
        String what;

        @Option(names = "--rate", description = "load: requests per second (default 20000)")
        double rate = 20_000;

        @Option(names = "--seconds", description = "load: measured seconds per run (default 10)")
        int seconds = 10;

        @Option(names = "--twins", description = "fleet: idle twins started at once (default 32); deployment: twins (default 8)")
        Integer twins;

        @Option(names = "--model", description = "deployment: the model the release carries (default defect-cnn-x4)")
        String model = "defect-cnn-x4";

        @Option(names = "--runs", description = "how many twins (default 5)")
        int runs = 5;

        @Option(names = "--memory-mib", description = "twin memory cap in MiB (default 768)")
        long memoryMib = 768;

        @Option(names = "--cpus", description = "twin CPU cap (default 1.0)")
        double cpus = 1.0;

        @Override
        public Integer call() throws Exception {
            if ("load".equals(what)) {
                return load();
            }
            if ("fleet".equals(what)) {
                return fleet();
            }
            if ("deployment".equals(what)) {
                return deployment();
            }
            if (!"twin-start".equals(what)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown benchmark '" + what
                        + "'; expected twin-start, fleet, load or deployment");
            }
            if (runs < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--runs " + runs + " must be at least 1");
            }
            long bytes = memoryMib * 1024 * 1024;
            Teardown teardown = new Teardown();
            Thread hook = new Thread(() -> Run.closeQuietly(teardown, System.err), "edgetwin-teardown");
            Runtime.getRuntime().addShutdownHook(hook);
            List<Long> millis;
            try (teardown) {
                millis = new TwinStartBenchmark(new TwinImage(projectRoot()), teardown,
                        line -> System.err.println("edgetwin: " + line.replaceFirst("^edgetwin: ", "")))
                        .run(new DeviceSpec(bytes, bytes, cpus, 0), runs);
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("twin cold start (create -> model ready), %d runs, memory %d MiB, cpus %.2f: "
                            + "median %d ms, min %d ms, max %d ms, all %s%n", runs, memoryMib, cpus,
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), millis);
            return PASSED;
        }

        private Integer fleet() throws Exception {
            int twins = this.twins == null ? 32 : this.twins;
            if (twins < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--twins " + twins + " must be at least 1");
            }
            long bytes = memoryMib * 1024 * 1024;
            Teardown teardown = new Teardown();
            Thread hook = new Thread(() -> Run.closeQuietly(teardown, System.err), "edgetwin-teardown");
            Runtime.getRuntime().addShutdownHook(hook);
            io.edgetwin.simulator.run.FleetStartBenchmark.Result result;
            try (teardown) {
                result = new io.edgetwin.simulator.run.FleetStartBenchmark(new TwinImage(projectRoot()), teardown,
                        line -> System.err.println("edgetwin: " + line.replaceFirst("^edgetwin: ", "")))
                        .run(new DeviceSpec(bytes, bytes, cpus, 0), twins);
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            List<Long> rss = result.rssBytes().stream().sorted().toList();
            System.out.printf("fleet of %d idle twins (memory %d MiB, cpus %.2f each): all reported RUNNING %d ms after the first "
                            + "create; RSS per twin median %d MiB, min %d MiB, max %d MiB, total %d MiB%n", twins, memoryMib, cpus,
                    result.fleetStartMs(), rss.get(rss.size() / 2) >> 20, rss.get(0) >> 20, rss.get(rss.size() - 1) >> 20,
                    rss.stream().mapToLong(Long::longValue).sum() >> 20);
            return PASSED;
        }

        private Integer load() throws Exception {
            if (!(rate > 0) || seconds < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--rate must be above zero and --seconds at least 1");
            }
            StringBuilder input = new StringBuilder("[");
            for (int i = 0; i < 128; i++) {
                input.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", Math.sin(i)));
            }
            List<io.edgetwin.simulator.load.Sample> samples = List.of(new io.edgetwin.simulator.load.Sample("x", input + "]"));
            for (int run = 1; run <= runs; run++) {
                io.edgetwin.simulator.bench.LoadGeneratorBenchmark.Result r = io.edgetwin.simulator.bench.LoadGeneratorBenchmark
                        .run(rate, java.time.Duration.ofSeconds(seconds), samples);
                System.out.printf(java.util.Locale.ROOT, "load generator run %d: rate %.0f/s, scheduled %d, ok %d, dropped %d, "
                                + "unanswered %d, send-time error p50 %.1f us p99 %.1f us, generator thread %.0f%% of a core busy "
                                + "(%.0f%% with spin-waits), process %.0f%% of a core, latency p99 %.1f us%n", run, r.ratePerSecond(),
                        r.scheduled(), r.ok(), r.dropped(), r.unanswered(), r.sendErrorP50Micros(), r.sendErrorP99Micros(),
                        r.generatorCpu() * 100, r.generatorCpuWithSpin() * 100, r.processCpu() * 100, r.latencyP99Micros());
            }
            return PASSED;
        }

        private int deployment() throws Exception {
            int twins = this.twins == null ? 8 : this.twins;
            if (twins < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--twins " + twins + " must be at least 1");
            }
            long bytes = memoryMib * 1024 * 1024;
            Teardown teardown = new Teardown();
            Thread hook = new Thread(() -> Run.closeQuietly(teardown, System.err), "edgetwin-teardown");
            Runtime.getRuntime().addShutdownHook(hook);
            DeploymentBenchmark.Result result;
            try (teardown) {
                result = new DeploymentBenchmark(new TwinImage(projectRoot()), teardown,
                        line -> System.err.println("edgetwin: " + line.replaceFirst("^edgetwin: ", "")))
                        .run(new DeviceSpec(bytes, bytes, cpus, 0), twins, model, "auto");
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            result.rollout().jobs().forEach(j -> System.out.printf("  %s: %s %s %s%n", j.thing(), j.status(),
                    j.deploymentStatus(), j.reason()));
            System.out.printf("deployment of %s (%d artifact bytes) to %d twins (memory %d MiB, cpus %.2f), all at once: "
                    + "%d ms until every job was final; succeeded: %s%n", model, result.artifactBytes(), twins, memoryMib,
                    cpus, result.millis(), result.rollout().succeeded());
            return result.rollout().succeeded() ? PASSED : THRESHOLD_FAILED;
        }
    }
}
