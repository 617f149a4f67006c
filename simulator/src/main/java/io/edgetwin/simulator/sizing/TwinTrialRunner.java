package io.edgetwin.simulator.sizing;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.Schedule;
import io.edgetwin.simulator.run.KeptFleet;
import io.edgetwin.simulator.run.ScenarioRun;
import io.edgetwin.simulator.run.Teardown;
import io.edgetwin.simulator.scenario.ComponentLimits;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.host.CpuTimes;
import io.edgetwin.simulator.measure.ContainerCgroup;
import io.edgetwin.simulator.measure.HostCgroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs each trial as a real scenario run ({@link ScenarioRun}) of one variant on one twin kept for the whole
 * search ({@link KeptFleet}: each trial redeploys the sized component, which starts afresh; a twin that stopped
 * is replaced; {@link #close()} stops it): the scenario's
 * device, components and workload, the other components limited as in the scenario's first variant, the
 * sized component's {@code systemResourceLimits} set to the candidate caps, and the SLOs as the variant's
 * thresholds. Its report goes to {@code trials/NN-phase-memory-cpus/}. Once the trial's outcome is decided (the
 * sized component OOM-killed, or an SLO already lost where the phase does not need the whole load to judge the
 * memory: {@link Phase#needsWholeLoad()}) its load stops at the next once-a-second check, and the trial's detail
 * says so ({@link EarlyStop}).
 */
public final class TwinTrialRunner implements TrialRunner, AutoCloseable {

    /** The share of requests allowed past the bound when no latency percentile SLO says otherwise: that of a p99. */
    static final double DEFAULT_TOLERATED = 0.01;
    /**
     * Periods over the quota per request past the latency bound: a throttled period delays past the bound only the
     * requests arriving early in its throttled stretch, so a p99 SLO (1 % of the requests late) holds while about 5 % of
     * the periods exceed the quota. Measured with the anomaly model (docs/sizing.md): the CPU edges of ten searches lay at
     * 1.10–1.46 × the demand that 5 % of the top's periods exceeded, where the demand at 1 % put them at 0.37–0.60 ×.
     */
    static final double PERIODS_PER_LATE_REQUEST = 5;

    private final SizingRequest request;
    private final TwinImage image;
    private final Path out;
    private final Consumer<String> progress;
    private final AtomicReference<Teardown> running;
    private final KeptFleet kept;

    /**
     * @param running set to the current trial's teardown while it runs, so a Ctrl-C handler can stop its twin
     */
    public TwinTrialRunner(SizingRequest request, TwinImage image, Path out, Consumer<String> progress,
                           AtomicReference<Teardown> running) {
        this.request = request;
        this.image = image;
        this.out = out;
        this.progress = progress;
        this.running = running;
        this.kept = new KeptFleet(request.component());
    }

    /** How many twins the trials so far started: 1 unless one stopped and was replaced ({@link KeptFleet}). */
    public int twinsStarted() {
        return kept.fleetsStarted();
    }

    /** Stops the twin the trials shared. */
    @Override
    public void close() throws Exception {
        running.set(null);
        kept.close();
    }

    @Override
    public TrialResult run(int number, Phase phase, Caps caps) throws Exception {
        Variant variant = variant(number, caps);
        Scenario scenario = request.scenario();
        Scenario trial = new Scenario(scenario.file(), scenario.text(), scenario.name(), scenario.seed(), scenario.device(),
                scenario.profile(), scenario.twins(), scenario.components(), List.of(variant), scenario.workload(),
                scenario.faults(), scenario.validity(), Scenario.Execution.SEQUENTIAL, scenario.artifacts(),
                scenario.workloads());
        ComponentWatch watch = new ComponentWatch(request.component(), System::nanoTime);
        EarlyStop stop = new EarlyStop(watch, phase.needsWholeLoad() ? SloLoss.of(List.of(), 0)
                : SloLoss.of(request.slos(), plannedRequests(scenario)), scenario.workload().duration().toSeconds());
        CpuPeriods periods = new CpuPeriods(ComponentFiles.following(this::container, request.component(),
                ContainerCgroup::cpuUsageNanos), System::nanoTime, watch::serving);
        ResidentMemory resident = new ResidentMemory(ComponentFiles.following(this::container, request.component(),
                ContainerCgroup::residentBytes), watch::serving);
        ScheduledExecutorService sampler = phase == Phase.TOP ? sampling(periods, resident) : null;
        Report report = null;
        String failure = null;
        Teardown teardown = new Teardown();
        running.set(interrupting(teardown));
        try (teardown) {
            report = new ScenarioRun(trial, image, teardown, line -> progress.accept("  " + line), Clock.systemUTC())
                    .withStatusListener(watch).withStopCondition(stop).withKeptFleet(kept).run();
        } catch (TwinException e) {
            failure = e.getMessage();
        } finally {
            running.set(interrupting(null));
            if (sampler != null) {
                sampler.shutdownNow();
            }
        }
        String trialDir = "trials/" + String.format("%02d-%s-%s-c%s", number, phase.label(), caps.memoryLabel(), caps.cpusLabel());
        Path dir = Files.createDirectories(out.resolve(trialDir));
        VariantResult result = report == null ? null : report.variants().get(variant.name());
        String evidence;
        if (report != null) {
            ReportFormats.writeAll(report, dir);
            evidence = trialDir + "/" + ReportFormats.json().fileName();
        } else {
            Files.writeString(dir.resolve("failure.txt"), failure + "\n");
            evidence = trialDir + "/failure.txt";
        }
        Observation seen = watch.observation();
        if (sampler != null) {
            double share = periodShare(request.slos());
            seen = seen.withUsage(seen.usage().withPeriodCpus(periods.quota(share), periods.periods())
                    .withResidentBytes(resident.settled()));
            progress.accept("  " + periods.describe(share));
            Files.writeString(dir.resolve("cpu-periods.txt"), periods.lines());
        }
        TrialResult classified = TrialClassifier.classify(request.component(), result, seen, failure,
                stop.sloLost());
        return stop.judged(classified).withEvidence(evidence);
    }

    /** Samples {@code periods} every CFS period and {@code resident} every second, on a daemon thread until shut down. */
    private static ScheduledExecutorService sampling(CpuPeriods periods, ResidentMemory resident) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "component-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(periods::sample, 0, CpuPeriods.PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        sampler.scheduleAtFixedRate(resident::sample, 0, 1, TimeUnit.SECONDS);
        return sampler;
    }

    /** The kept twin's container cgroup as the host sees it, if it runs. */
    private Optional<ContainerCgroup> container() {
        return kept.firstTwin().flatMap(twin -> HostCgroup.of(twin.containerId(), twin::pid).locateNow());
    }

    /**
     * The share of periods whose demand the CPU figure is taken at: {@value #PERIODS_PER_LATE_REQUEST} × the share of
     * requests the SLOs let miss the bound ({@link #toleratedShare}), at most half the periods.
     */
    static double periodShare(List<Threshold> slos) {
        return Math.min(0.5, toleratedShare(slos) * PERIODS_PER_LATE_REQUEST);
    }

    /**
     * The share of requests the SLOs let miss their bound: a latency percentile {@code pNN} tolerates 1 − NN/100 of
     * them (the strictest such SLO counts); 1 % without one.
     */
    static double toleratedShare(List<Threshold> slos) {
        return slos.stream().mapToDouble(TwinTrialRunner::tolerated).filter(share -> share < 1).min().orElse(DEFAULT_TOLERATED);
    }

    private static double tolerated(Threshold slo) {
        return switch (slo.metric().key()) {
            case "latency.p50" -> 0.5;
            case "latency.p90" -> 0.1;
            case "latency.p99" -> 0.01;
            case "latency.max" -> 0;
            default -> 1;
        };
    }

    /** What Ctrl-C closes: the trial's own teardown, if one runs, and the kept twin. */
    private Teardown interrupting(Teardown trial) throws Exception {
        Teardown both = new Teardown();
        both.register(kept);
        if (trial != null) {
            both.register(trial);
        }
        return both;
    }

    /** Waits for a quiet host ({@link QuietHost}) reading {@code /proc/stat}. */
    @Override
    public void awaitQuietHost(Consumer<String> progress) throws InterruptedException {
        new QuietHost(() -> {
            try {
                return CpuTimes.parse(Files.readString(Path.of("/proc/stat")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /proc/stat: " + e.getMessage(), e);
            }
        }, duration -> Thread.sleep(duration.toMillis())).await(progress);
    }

    /**
     * The measured requests the whole load sends: known up front for one workload of constant arrivals (its
     * schedule does not depend on the seed); 0, so that no SLO is decided early, for anything else.
     */
    static long plannedRequests(Scenario scenario) {
        if (scenario.workloads().size() != 1 || !(scenario.workload().arrival() instanceof Arrival.Constant constant)) {
            return 0;
        }
        Schedule schedule = constant.forFleet(scenario.twins()).schedule(scenario.seed(), scenario.workload().duration());
        long planned = 0;
        while (schedule.next() != Schedule.END) {
            planned++;
        }
        return planned;
    }

    private Variant variant(int number, Caps caps) {
        Map<String, ComponentLimits> limits = new HashMap<>(request.scenario().variants().get(0).limits());
        limits.put(request.component(), new ComponentLimits(caps.memoryKb(), caps.cpus()));
        return new Variant(String.format("trial%02d", number), limits, request.slos());
    }
}
