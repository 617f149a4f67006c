package io.edgetwin.simulator;

import io.edgetwin.simulator.bench.BrokerThroughputBenchmark;
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

/** {@code edgetwin bench twin-start|fleet|load|deployment|broker|link [options]}: timed harness runs (docs/performance.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = "Measure twin cold start (twin-start: container create -> model ready, one twin after another), "
                + "a fleet of idle twins started at once (fleet), the load generator (load: against a null responder "
                + "on loopback), a model release rolled out to a fleet of twins (deployment: jobs sent -> every job final), "
                + "QoS 1 throughput through the broker over plain TCP and over mTLS (broker), "
                + "or the WAN link proxy alone (link: added latency, a profile's round trips, throughput).")
final class BenchCommand implements Callable<Integer> {

    private static final Duration JIT_WARMUP = Duration.ofSeconds(3);

    @Parameters(paramLabel = "WHAT", description = "what to measure: twin-start, fleet, load, deployment, broker or link")
    String what;

    @Option(names = "--rate", description = "load: requests per second (default 20000)")
    double rate = 20_000;

    @Option(names = "--workloads", description = "load: workloads at once, the rate split between them, sent in one"
            + " timeline as a scenario of several workloads sends them (default 1)")
    int workloads = 1;

    @Option(names = "--seconds", description = "load: measured seconds per run (default 10)")
    int seconds = 10;

    @Option(names = "--twins", description = "fleet: idle twins started at once (default 32); deployment: twins (default 8)")
    Integer twins;

    @Option(names = "--parallel", description = "fleet: container starts in flight at once (default "
            + FleetStartBenchmark.DEFAULT_PARALLELISM + ", as a run starts its fleet; 1 = one after another)")
    int parallel = FleetStartBenchmark.DEFAULT_PARALLELISM;

    @Option(names = "--model", description = "deployment: the model the release carries (default defect-cnn-x4)")
    String model = "defect-cnn-x4";

    @picocli.CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--profile", description = "link: the WAN profile whose round trips are measured (default lte-good)")
    String profile = "lte-good";

    @Option(names = "--start-model", paramLabel = "NAME", description = "twin-start: the inference component's model,"
            + " a folder under the twin image's models/ (default: the recipe's anomaly-mlp)")
    String startModel;

    @Option(names = "--scenario", paramLabel = "FILE", description = "twin-start: start the twin as this scenario's"
            + " variant does (its device caps and deployment, neighbours included), e.g. scenarios/quickstart.yaml")
    java.nio.file.Path scenario;

    @Option(names = "--variant", paramLabel = "NAME", description = "twin-start with --scenario: the variant (default: the first)")
    String variant;

    @Option(names = "--runs", description = "twin-start: how many twins (default 5); load, broker: how many runs; "
            + "link: round trips through the profile (default 5 means 1500)")
    int runs = 5;

    @Option(names = "--security", description = "twin-start: mtls (default; a certificate per twin, as a run) or none (plain TCP)")
    String security = "mtls";

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
            case "broker" -> broker();
            case "link" -> link();
            default -> throw bad("unknown benchmark '" + what + "'; expected twin-start, fleet, load, deployment, broker or link");
        };
    }

    private int link() throws Exception {
        io.edgetwin.simulator.wan.WanProfile wan = io.edgetwin.simulator.wan.WanProfile.named(profile).orElseThrow(
                () -> bad("unknown WAN profile '" + profile + "'; expected one of " + io.edgetwin.simulator.wan.WanProfile.names()));
        int roundTrips = runs == 5 ? 1_500 : runs;
        atLeastOne("--runs", roundTrips);
        io.edgetwin.simulator.bench.LinkBenchmark.Result r = new io.edgetwin.simulator.bench.LinkBenchmark(progress())
                .run(wan, roundTrips);
        System.out.printf(Locale.ROOT, "link proxy: clear adds %.3f ms at p50 (%.3f direct, %.3f proxied); %s without loss, "
                        + "%d round trips: p50 %.1f ms (profile %.1f), p99 %.1f ms (profile %.1f); clear one way %.0f MB/s%n",
                r.proxiedP50Ms() - r.directP50Ms(), r.directP50Ms(), r.proxiedP50Ms(), wan.name(), roundTrips,
                r.measuredP50Ms(), r.profileP50Ms(), r.measuredP99Ms(), r.profileP99Ms(), r.megabytesPerSecond());
        return Main.PASSED;
    }

    private int twinStart() throws Exception {
        atLeastOne("--runs", runs);
        if (!security.equals("mtls") && !security.equals("none")) {
            throw bad("--security is '" + security + "'; expected mtls or none");
        }
        if (scenario != null) {
            return scenarioTwinStart();
        }
        if (variant != null) {
            throw bad("--variant needs --scenario");
        }
        List<Long> millis = withTeardown(teardown -> new TwinStartBenchmark(image(), teardown, progress())
                .run(device(), runs, security.equals("mtls"), startModel));
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("twin cold start (create -> model ready%s), %d runs, security %s, memory %d MiB, cpus %.2f: "
                        + "median %d ms, min %d ms, max %d ms, all %s%n", startModel == null ? "" : ", model " + startModel,
                runs, security, memoryMib, cpus,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), millis);
        return Main.PASSED;
    }

    /** Twin start as a scenario's variant starts its twin: the model ready beside the variant's neighbours. */
    private int scenarioTwinStart() throws Exception {
        if (startModel != null) {
            throw bad("--start-model and --scenario exclude each other: the scenario's deployment names the model");
        }
        io.edgetwin.simulator.scenario.Scenario read = new io.edgetwin.simulator.run.ScenarioRunner(Main.projectRoot(), progress()).read(scenario);
        io.edgetwin.simulator.scenario.Variant chosen = read.variants().stream()
                .filter(v -> variant == null || v.name().equals(variant)).findFirst()
                .orElseThrow(() -> bad("--variant '" + variant + "' is not in " + scenario + "; expected one of "
                        + read.variants().stream().map(io.edgetwin.simulator.scenario.Variant::name).toList()));
        if (read.workload() == null) {
            throw bad(scenario + " has no workload: nothing names the component whose readiness is timed");
        }
        String target = read.workload().target();
        List<Long> millis = withTeardown(teardown -> new TwinStartBenchmark(image(), teardown, progress())
                .run(read.device(), runs, security.equals("mtls"), target,
                        io.edgetwin.simulator.run.DeploymentDocument.of(read, chosen, "twin-start")));
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("twin start as %s variant %s (create -> %s ready beside its neighbours), %d runs, security %s: "
                        + "median %d ms, min %d ms, max %d ms, all %s%n", read.name(), chosen.name(), target, runs, security,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), millis);
        return Main.PASSED;
    }

    private int fleet() throws Exception {
        int fleet = twins == null ? 32 : twins;
        atLeastOne("--twins", fleet);
        atLeastOne("--parallel", parallel);
        FleetStartBenchmark.Result result = withTeardown(teardown ->
                new FleetStartBenchmark(image(), teardown, progress()).withEngine(engine.choice()).run(device(), fleet, parallel));
        List<Long> rss = result.rssBytes().stream().sorted().toList();
        System.out.printf("fleet of %d idle twins (memory %d MiB, cpus %.2f each, %d starts at a time): all reported RUNNING "
                        + "%d ms after the first create; RSS per twin median %d MiB, min %d MiB, max %d MiB, total %d MiB%n",
                fleet, memoryMib, cpus, parallel,
                result.fleetStartMs(), rss.get(rss.size() / 2) >> 20, rss.get(0) >> 20, rss.get(rss.size() - 1) >> 20,
                rss.stream().mapToLong(Long::longValue).sum() >> 20);
        return Main.PASSED;
    }

    private int load() throws Exception {
        if (!(rate > 0) || seconds < 1 || workloads < 1 || workloads > 16) {
            throw bad("--rate must be above zero, --seconds at least 1 and --workloads 1 to 16");
        }
        StringBuilder input = new StringBuilder("[");
        for (int i = 0; i < 128; i++) {
            input.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", Math.sin(i)));
        }
        List<Sample> samples = List.of(new Sample("x", input + "]"));
        // the first run of a process would otherwise measure the JIT compiling the send path
        System.out.printf(Locale.ROOT, "warming the JIT up: one unreported run of %d s%n", JIT_WARMUP.toSeconds());
        LoadGeneratorBenchmark.run(rate, JIT_WARMUP, samples, workloads);
        for (int run = 1; run <= runs; run++) {
            LoadGeneratorBenchmark.Result r = LoadGeneratorBenchmark.run(rate, Duration.ofSeconds(seconds), samples,
                    workloads);
            System.out.printf(Locale.ROOT, "load generator run %d: rate %.0f/s over %d workload(s), scheduled %d, ok %d, "
                            + "dropped %d, unanswered %d, send-time error p50 %.1f us p99 %.1f us, generator thread %.0f%% of a core busy "
                            + "(%.0f%% with spin-waits), process %.0f%% of a core, latency p99 %.1f us%n", run, r.ratePerSecond(),
                    workloads,
                    r.scheduled(), r.ok(), r.dropped(), r.unanswered(), r.sendErrorP50Micros(), r.sendErrorP99Micros(),
                    r.generatorCpu() * 100, r.generatorCpuWithSpin() * 100, r.processCpu() * 100, r.latencyP99Micros());
        }
        return Main.PASSED;
    }

    private int broker() throws Exception {
        atLeastOne("--runs", runs);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("edgetwin-bench-broker");
        try {
            for (int run = 1; run <= runs; run++) {
                java.nio.file.Path runDir = java.nio.file.Files.createDirectories(dir.resolve("run-" + run));
                BrokerThroughputBenchmark.Result r = BrokerThroughputBenchmark.run(runDir, 20_000, 64);
                System.out.printf(Locale.ROOT, "broker run %d: %d QoS 1 messages of %d bytes, thing -> harness: plain TCP %.0f/s, "
                        + "mTLS %.0f/s (%.2f of plain)%n", run, r.messages(), r.bytes(), r.plainPerSecond(), r.tlsPerSecond(),
                        r.tlsPerSecond() / r.plainPerSecond());
            }
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
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
