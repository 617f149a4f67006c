package io.edgetwin.simulator;

import io.edgetwin.simulator.bench.LoadGeneratorBenchmark;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.run.DeploymentBenchmark;
import io.edgetwin.simulator.run.FleetStartBenchmark;
import io.edgetwin.simulator.run.Teardown;
import io.edgetwin.simulator.run.TwinStartBenchmark;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.TwinImage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgetwin bench twin-start|fleet|load|deployment [options]}: timed harness runs (docs/performance.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = "Measure twin cold start (twin-start: container create -> model ready, one twin after another), "
                + "a fleet of idle twins started at once (fleet), the load generator (load: against a null responder "
                + "on loopback), or a model release rolled out to a fleet of twins (deployment: jobs sent -> every job final).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "what to measure: twin-start, fleet, load or deployment")
    String what;

    @Option(names = "--rate", description = "load: requests per second (default 20000)")
    double rate = 20_000;

    @Option(names = "--seconds", description = "load: measured seconds per run (default 10)")
    int seconds = 10;

    @Option(names = "--twins", description = "fleet: idle twins started at once (default 32); deployment: twins (default 8)")
    Integer twins;

    @Option(names = "--parallel", description = "fleet: container starts in flight at once (default "
            + FleetStartBenchmark.DEFAULT_PARALLELISM + ", as a run starts its fleet; 1 = one after another)")
    int parallel = FleetStartBenchmark.DEFAULT_PARALLELISM;

    @Option(names = "--model", description = "deployment: the model the release carries (default defect-cnn-x4)")
    String model = "defect-cnn-x4";

    @Option(names = "--start-model", paramLabel = "NAME", description = "twin-start: the inference component's model,"
            + " a folder under the twin image's models/ (default: the recipe's anomaly-mlp)")
    String startModel;

    @Option(names = "--runs", description = "twin-start: how many twins (default 5); load: how many runs")
    int runs = 5;

    @Option(names = "--memory-mib", description = "twin memory cap in MiB (default 768)")
    long memoryMib = 768;

    @Option(names = "--cpus", description = "twin CPU cap (default 1.0)")
    double cpus = 1.0;

    /** A benchmark that starts twins: everything it registers is stopped at its end or on Ctrl-C. */
    private interface WithTeardown<T> {
        T run(Teardown teardown) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        return switch (what) {
            case "twin-start" -> twinStart();
            case "fleet" -> fleet();
            case "load" -> load();
            case "deployment" -> deployment();
            default -> throw bad("unknown benchmark '" + what + "'; expected twin-start, fleet, load or deployment");
        };
    }

    private int twinStart() throws Exception {
        atLeastOne("--runs", runs);
        List<Long> millis = withTeardown(teardown -> new TwinStartBenchmark(image(), teardown, progress())
                .run(device(), runs, startModel));
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("twin cold start (create -> model ready%s), %d runs, memory %d MiB, cpus %.2f: "
                        + "median %d ms, min %d ms, max %d ms, all %s%n", startModel == null ? "" : ", model " + startModel,
                runs, memoryMib, cpus,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), millis);
        return Main.PASSED;
    }

    private int fleet() throws Exception {
        int fleet = twins == null ? 32 : twins;
        atLeastOne("--twins", fleet);
        atLeastOne("--parallel", parallel);
        FleetStartBenchmark.Result result = withTeardown(teardown ->
                new FleetStartBenchmark(image(), teardown, progress()).run(device(), fleet, parallel));
        List<Long> rss = result.rssBytes().stream().sorted().toList();
        System.out.printf("fleet of %d idle twins (memory %d MiB, cpus %.2f each, %d starts at a time): all reported RUNNING "
                        + "%d ms after the first create; RSS per twin median %d MiB, min %d MiB, max %d MiB, total %d MiB%n",
                fleet, memoryMib, cpus, parallel,
                result.fleetStartMs(), rss.get(rss.size() / 2) >> 20, rss.get(0) >> 20, rss.get(rss.size() - 1) >> 20,
                rss.stream().mapToLong(Long::longValue).sum() >> 20);
        return Main.PASSED;
    }

    private int load() throws Exception {
        if (!(rate > 0) || seconds < 1) {
            throw bad("--rate must be above zero and --seconds at least 1");
        }
        StringBuilder input = new StringBuilder("[");
        for (int i = 0; i < 128; i++) {
            input.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", Math.sin(i)));
        }
        List<Sample> samples = List.of(new Sample("x", input + "]"));
        for (int run = 1; run <= runs; run++) {
            LoadGeneratorBenchmark.Result r = LoadGeneratorBenchmark.run(rate, Duration.ofSeconds(seconds), samples);
            System.out.printf(Locale.ROOT, "load generator run %d: rate %.0f/s, scheduled %d, ok %d, dropped %d, "
                            + "unanswered %d, send-time error p50 %.1f us p99 %.1f us, generator thread %.0f%% of a core busy "
                            + "(%.0f%% with spin-waits), process %.0f%% of a core, latency p99 %.1f us%n", run, r.ratePerSecond(),
                    r.scheduled(), r.ok(), r.dropped(), r.unanswered(), r.sendErrorP50Micros(), r.sendErrorP99Micros(),
                    r.generatorCpu() * 100, r.generatorCpuWithSpin() * 100, r.processCpu() * 100, r.latencyP99Micros());
        }
        return Main.PASSED;
    }

    private int deployment() throws Exception {
        int fleet = twins == null ? 8 : twins;
        atLeastOne("--twins", fleet);
        DeploymentBenchmark.Result result = withTeardown(teardown ->
                new DeploymentBenchmark(image(), teardown, progress()).run(device(), fleet, model, "auto"));
        result.rollout().jobs().forEach(j -> System.out.printf("  %s: %s %s %s%n", j.thing(), j.status(),
                j.deploymentStatus(), j.reason()));
        System.out.printf("deployment of %s (%d artifact bytes) to %d twins (memory %d MiB, cpus %.2f), all at once: "
                + "%d ms until every job was final; succeeded: %s%n", model, result.artifactBytes(), fleet, memoryMib,
                cpus, result.millis(), result.rollout().succeeded());
        return result.rollout().succeeded() ? Main.PASSED : Main.THRESHOLD_FAILED;
    }

    private static <T> T withTeardown(WithTeardown<T> benchmark) throws Exception {
        Teardown teardown = new Teardown();
        Thread hook = new Thread(() -> Main.Run.closeQuietly(teardown, System.err), "edgetwin-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        T result;
        try (teardown) {
            result = benchmark.run(teardown);
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        return result;
    }

    private TwinImage image() {
        return new TwinImage(Main.projectRoot());
    }

    private DeviceSpec device() {
        long bytes = memoryMib * 1024 * 1024;
        return new DeviceSpec(bytes, bytes, cpus, 0);
    }

    private static Consumer<String> progress() {
        return line -> System.err.println("edgetwin: " + line.replaceFirst("^edgetwin: ", ""));
    }

    private void atLeastOne(String option, int value) {
        if (value < 1) {
            throw bad(option + " " + value + " must be at least 1");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }
}
