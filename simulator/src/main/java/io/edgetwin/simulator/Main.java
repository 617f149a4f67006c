package io.edgetwin.simulator;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.gate.ThresholdException;
import io.edgetwin.simulator.broker.BrokerException;
import io.edgetwin.simulator.cloud.CloudException;
import io.edgetwin.simulator.run.ScenarioRun;
import io.edgetwin.simulator.run.Teardown;
import io.edgetwin.simulator.run.DeploymentBenchmark;
import io.edgetwin.simulator.run.TwinStartBenchmark;
import io.edgetwin.simulator.scenario.DeviceSpec;
import java.util.List;
import io.edgetwin.simulator.scenario.RecipeCatalog;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioException;
import io.edgetwin.simulator.scenario.ScenarioReader;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code edgetwin} command line. Exit codes: 0 every threshold held, 1 a threshold failed, 2 bad
 * input or a setup error (docs/cli.md).
 */
@Command(name = "edgetwin", mixinStandardHelpOptions = true, version = "edgetwin 0.1.0", exitCodeOnInvalidInput = 2,
        description = "Digital-twin edge devices in capped containers: limited vs unlimited ML inference.",
        subcommands = {Main.Run.class, Main.Bench.class})
public final class Main implements Callable<Integer> {

    public static final int PASSED = 0;
    public static final int THRESHOLD_FAILED = 1;
    public static final int BAD_INPUT = 2;

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
                || e instanceof CloudException) {
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
            TwinImage image = new TwinImage(projectRoot());
            if (!Files.isDirectory(image.recipes())) {
                throw new TwinException("the edge core is not built (" + image.recipes()
                        + " is missing); run `mvn -q -DskipTests package` in " + projectRoot() + " first");
            }
            Scenario scenario = new ScenarioReader(RecipeCatalog.load(image.recipes()),
                    Runtime.getRuntime().availableProcessors()).read(scenarioFile);
            Path dir = out != null ? out : Path.of("out", scenario.name());
            Teardown teardown = new Teardown();
            Thread hook = new Thread(() -> closeQuietly(teardown, err), "edgetwin-teardown");
            Runtime.getRuntime().addShutdownHook(hook);
            Report report;
            try (teardown) {
                report = new ScenarioRun(scenario, image, teardown, line -> err.println("edgetwin: " + line),
                        Clock.systemUTC()).run();
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            Files.createDirectories(dir);
            ReportFormats.writeAll(report, dir);
            err.println("edgetwin: " + report.verdict() + " — reports in " + dir.resolve("report.json") + " and "
                    + dir.resolve("report.md"));
            return report.passed() ? PASSED : THRESHOLD_FAILED;
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

    /** {@code edgetwin bench twin-start|deployment [--runs N] [--twins N] [--model M] [--memory MiB] [--cpus X]}. */
    @Command(name = "bench", exitCodeOnInvalidInput = 2,
            description = "Measure twin cold start (container create -> model ready, one twin after another), "
                    + "or a model release rolled out to a fleet of twins (jobs sent -> every job final).")
    static final class Bench implements Callable<Integer> {

        @Parameters(paramLabel = "WHAT", description = "what to measure: twin-start or deployment")
        String what;

        @Option(names = "--twins", description = "deployment: how many twins (default 8)")
        int twins = 8;

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
            if ("deployment".equals(what)) {
                return deployment();
            }
            if (!"twin-start".equals(what)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown benchmark '" + what
                        + "'; expected twin-start or deployment");
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

        private int deployment() throws Exception {
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
