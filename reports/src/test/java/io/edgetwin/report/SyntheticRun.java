package io.edgetwin.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * A noisy-neighbour run made up from a seed, at any size: {@code com.example.Inference} beside a
 * {@code com.example.Leaker} that leaks memory. Limited, the leaker is OOM-killed inside its own
 * 128 MiB cap every 60 s and inference latency stays flat; unlimited, the leaker takes the twin to its
 * 768 MiB cap, the twin thrashes and latency climbs until the twin itself is OOM-killed.
 */
public final class SyntheticRun {

    public static final String INFERENCE = "com.example.Inference";
    public static final String LEAKER = "com.example.Leaker";
    private static final long MIB = 1024 * 1024;
    private static final long DEVICE_MEMORY = 768 * MIB;
    private static final long LEAKER_LIMIT = 128 * MIB;

    private final int twins;
    private final int seconds;
    private final long requests;

    /** {@code requests} per variant, spread over {@code seconds} 1 s windows, answered by {@code twins} twins. */
    public SyntheticRun(int twins, int seconds, long requests) {
        this.twins = twins;
        this.seconds = seconds;
        this.requests = requests;
    }

    public Report report() {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        variants.put("limited", variant(true));
        variants.put("unlimited", variant(false));
        Instant started = Instant.parse("2026-11-26T13:00:00Z");
        return Report.of(new RunSetup("noisy-neighbor", 7, Execution.SEQUENTIAL, scenarioText(), null),
                started, started.plusSeconds(2L * seconds + 60), variants);
    }

    private VariantResult variant(boolean limited) {
        Random random = new Random(limited ? 1 : 2);
        Histogram total = new Histogram(60_000_000_000L, 3);
        List<Window> windows = new ArrayList<>();
        long perWindow = requests / seconds;
        long failed = 0;
        for (int s = 0; s < seconds; s++) {
            Histogram window = new Histogram(60_000_000_000L, 3);
            double baseMs = limited ? 12 : 12 + 90.0 * Math.pow((double) s / seconds, 3);
            for (long i = 0; i < perWindow; i++) {
                window.recordValue((long) ((baseMs + Math.abs(random.nextGaussian()) * baseMs * 0.4) * 1e6));
            }
            long errors = limited ? 0 : s * perWindow / (seconds * 200L);
            failed += errors;
            total.add(window);
            windows.add(new Window(s * 1000L, perWindow, errors, ms(window.getValueAtPercentile(50)),
                    ms(window.getValueAtPercentile(99)), EncodedHistogram.of(window)));
        }
        long sent = perWindow * seconds;
        LatencySummary latency = LatencySummary.fromNanos(total.getValueAtPercentile(50), total.getValueAtPercentile(90),
                total.getValueAtPercentile(99), total.getMaxValue(), total.getMean());
        return VariantResult.measured(DeviceCaps.of(DEVICE_MEMORY, 2), DeviceCaps.of(DEVICE_MEMORY, 2), 3_100,
                        Validity.assess(sent - failed, Duration.ofSeconds(seconds), Duration.ofSeconds(30), 0.3),
                        new RequestCounts(sent, sent - failed, failed, 0), latency, EncodedHistogram.of(total),
                        (sent - failed) / (double) seconds, limited ? 520 * MIB : DEVICE_MEMORY,
                        new OomKills(limited ? 0 : twins, limited ? Map.of(LEAKER, (long) kills(true) * twins) : Map.of()),
                        components(limited))
                .withTimeline(windows, fleet(limited), series(limited), events(limited))
                .withRecovery(recovery(limited));
    }

    /** The broker outage of {@link #events}: every twin back within a second, the last one slower when unlimited. */
    private List<Recovery> recovery(boolean limited) {
        long back = seconds * 400L + 10_000;
        List<Recovery.TwinRecovery> twinsBack = new ArrayList<>();
        for (int t = 0; t < twins; t++) {
            boolean slow = !limited && t == twins - 1;
            twinsBack.add(new Recovery.TwinRecovery(twin(t), back, 180L + 20 * t, slow ? null : 240L + 20 * t));
        }
        return List.of(new Recovery("broker-outage", seconds * 400L, back, 90L, twinsBack));
    }

    private Map<String, ComponentResult> components(boolean limited) {
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        components.put(INFERENCE, new ComponentResult(new ComponentLimits(512 * 1024L, 1.0), limited, "RUNNING", 0, 0,
                limited ? 300 * MIB : null, limited ? 0.02 : null, limited ? 0.1 : null, List.of()));
        components.put(LEAKER, new ComponentResult(new ComponentLimits(128 * 1024L, 0.5), limited,
                limited ? "RUNNING" : "ERRORED", limited ? kills(true) : 0, limited ? kills(true) : 0,
                limited ? LEAKER_LIMIT : null, limited ? 0.3 : null, limited ? 2.0 : null,
                limited ? List.of(new StateChange(60_000, "ERRORED", "exit 137"), new StateChange(61_000, "RUNNING", ""))
                        : List.of()));
        return components;
    }

    private int kills(boolean limited) {
        return limited ? seconds / 60 : 1;
    }

    private List<FleetTwin> fleet(boolean limited) {
        List<FleetTwin> fleet = new ArrayList<>();
        for (int t = 0; t < twins; t++) {
            fleet.add(new FleetTwin(twin(t), "deployment-" + (limited ? "l" : "u"), "SUCCESSFUL",
                    Map.of(INFERENCE, "RUNNING", LEAKER, limited ? "RUNNING" : "ERRORED"),
                    Instant.parse("2026-11-26T13:05:00Z"), limited ? 0 : 1));
        }
        return fleet;
    }

    private List<ResourceSeries> series(boolean limited) {
        List<ResourceSeries> series = new ArrayList<>();
        for (int t = 0; t < twins; t++) {
            series.add(new ResourceSeries(twin(t), ResourceSeries.DEVICE, new SeriesLimits(DEVICE_MEMORY, 2.0),
                    samples(t, limited, ResourceSeries.DEVICE)));
            series.add(new ResourceSeries(twin(t), INFERENCE,
                    limited ? new SeriesLimits(512 * MIB, 1.0) : SeriesLimits.unlimited(), samples(t, limited, INFERENCE)));
            series.add(new ResourceSeries(twin(t), LEAKER,
                    limited ? new SeriesLimits(LEAKER_LIMIT, 0.5) : SeriesLimits.unlimited(), samples(t, limited, LEAKER)));
        }
        return series;
    }

    private ResourceSamples samples(int twin, boolean limited, String component) {
        List<ResourceSample> rows = new ArrayList<>();
        long cpu = 0;
        long throttled = 0;
        long faults = 0;
        long peak = 0;
        for (int s = 0; s < seconds; s++) {
            double progress = (double) s / seconds;
            long leaker = limited ? (s % 60) * LEAKER_LIMIT / 60 : (long) (progress * (DEVICE_MEMORY - 320 * MIB));
            long memory = switch (component) {
                case INFERENCE -> 300 * MIB + twin * MIB;
                case LEAKER -> leaker;
                default -> 300 * MIB + leaker + 20 * MIB;
            };
            peak = Math.max(peak, memory);
            cpu += (long) ((INFERENCE.equals(component) ? 0.6 : 0.3) * 1e9);
            throttled += limited ? 10 : (long) (progress * 60);
            faults += limited ? 1 : (long) (progress * progress * 400);
            rows.add(new ResourceSample(s * 1000L, memory, peak, cpu, throttled, 100L * (s + 1), throttled * 1_000_000,
                    faults, limited && LEAKER.equals(component) ? s / 60 : 0));
        }
        return ResourceSamples.of(rows);
    }

    private List<Event> events(boolean limited) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(-2_000, null, null, Event.DEPLOYMENT, "deployment SUCCESSFUL on " + twins + " twins"));
        events.add(new Event(seconds * 400L, null, null, Event.FAULT_START, "broker outage for 10 s"));
        events.add(new Event(seconds * 400L + 10_000, null, null, Event.FAULT_END, "broker back"));
        if (limited) {
            for (int s = 60; s < seconds; s += 60) {
                events.add(new Event(s * 1000L, twin(0), LEAKER, Event.OOM_KILL, "killed by its 128 MiB cap"));
                events.add(new Event(s * 1000L + 1000, twin(0), LEAKER, Event.RESTART, "restarted by the core"));
            }
        } else {
            events.add(new Event(seconds * 950L, twin(0), null, Event.OOM_KILL, "twin killed by its 768 MiB cap"));
        }
        events.sort(java.util.Comparator.comparingLong(Event::tMs));
        return events;
    }

    private static String twin(int t) {
        return String.format("noisy-neighbor-%02d", t + 1);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }

    private static String scenarioText() {
        return """
                name: noisy-neighbor
                seed: 7
                device: { memory: 768MiB, cpus: 2 }
                components:
                  com.example.Inference: { memory: 512MiB, cpus: 1.0 }
                  com.example.Leaker: { memory: 128MiB, cpus: 0.5 }
                variants: [limited, unlimited]
                thresholds:
                  - latency.p99 < 50ms
                  - oomKills.component[com.example.Inference] == 0
                """;
    }
}
