package io.edgetwin.simulator.run;

import io.edgetwin.report.PlacementResult;
import io.edgetwin.report.ResourceSamples;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.load.LatencyWindow;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.MqttTransport;
import io.edgetwin.simulator.scenario.Placement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures what a variant's placement cost (docs/report.md, "Edge or cloud"): it hears the times every
 * answer carries ({@link MqttTransport.AnswerTimes}) and, once the load is over, splits the mean latency,
 * turns the WAN links' byte counts into bytes per inference and per device-day, counts the answers given
 * while a {@code wan-outage} fault held, and reads the twins' own CPU and memory from their series.
 */
final class PlacementMeter implements MqttTransport.AnswerTimes {

    private static final double SECONDS_PER_DAY = 86_400;

    private final Placement placement;
    private final AtomicLong measuredFromNanos = new AtomicLong(Long.MAX_VALUE);
    private final LongAdder answers = new LongAdder();
    private final LongAdder measuredOk = new LongAdder();
    private final LongAdder networkMicros = new LongAdder();
    private final LongAdder inferenceMicros = new LongAdder();
    /** Each measured answer's forward pass, in microseconds, as the capped component timed it. */
    private final Recorder inferenceHistogram = new Recorder(3);

    PlacementMeter(Placement placement) {
        this.placement = placement;
    }

    /** Answers received from {@code nanos} on count toward the latency split (the measured part). */
    void measuredFrom(long nanos) {
        measuredFromNanos.compareAndSet(Long.MAX_VALUE, nanos);
    }

    @Override
    public void timed(long receivedNanos, boolean ok, long network, long inference) {
        answers.increment();
        if (ok && receivedNanos >= measuredFromNanos.get()) {
            measuredOk.increment();
            networkMicros.add(network);
            inferenceMicros.add(inference);
            inferenceHistogram.recordValue(Math.max(0, inference));
        }
    }

    /**
     * The placement's figures for a variant that ran {@code load} on {@code twins} twins for {@code duration},
     * with {@code bytesUp} sent up its WAN links, under {@code faults}; {@code measured} holds its series.
     */
    PlacementResult result(LoadResult load, VariantResult measured, List<Fault> faults, long bytesUp, int twins,
                           Duration duration) {
        long ok = measuredOk.sum();
        double networkMs = ok == 0 ? 0 : networkMicros.sum() / 1e3 / ok;
        double inferenceMs = ok == 0 ? 0 : inferenceMicros.sum() / 1e3 / ok;
        double endToEndMs = load.latencyNanos().getTotalCount() == 0 ? 0 : load.latencyNanos().getMean() / 1e6;
        Histogram path = load.latencyNanos();
        Histogram inference = inferenceHistogram.getIntervalHistogram();
        PlacementResult.LatencySplit split = new PlacementResult.LatencySplit(networkMs,
                Math.max(0, endToEndMs - networkMs - inferenceMs), inferenceMs,
                path.getTotalCount() == 0 ? 0 : path.getValueAtPercentile(50) / 1e6,
                inference.getTotalCount() == 0 ? 0 : inference.getValueAtPercentile(50) / 1e3);
        long forwarded = answers.sum();
        double perInference = forwarded == 0 ? 0 : (double) bytesUp / forwarded;
        double requestsPerTwinPerSecond = duration.isZero() ? 0 : load.scheduled() / (duration.toMillis() / 1e3) / twins;
        String link = placement instanceof Placement.Cloud cloud ? cloud.link().name() : null;
        return new PlacementResult(placement.word(), link, split, bytesUp, perInference,
                perInference * requestsPerTwinPerSecond * SECONDS_PER_DAY, outage(load.windows(), faults),
                deviceCores(measured.series()), measured.devicePeakMemoryBytes());
    }

    /**
     * The path against the model at the same caps, from the same answers: "path p50 2.20 ms, forward pass
     * p50 0.031 ms (inferenceMicros of the answers): the path adds 2.17 ms at p50".
     */
    static String describePath(PlacementResult p) {
        PlacementResult.LatencySplit split = p.latencySplitMs();
        return String.format(java.util.Locale.ROOT, "path p50 %.2f ms, forward pass p50 %.3f ms (inferenceMicros of the"
                + " answers, timed inside the component): the path adds %.2f ms at p50", split.pathP50Ms(),
                split.inferenceP50Ms(), split.overheadP50Ms());
    }

    /** The progress line: where the inference ran, the latency split, the bytes upstream and the outage's answers. */
    static String describe(PlacementResult p) {
        return String.format(java.util.Locale.ROOT, "inference %s%s: mean network %.2f ms, queue %.2f ms, inference %.2f ms; "
                        + "%.0f B upstream per inference (%.1f MiB per device-day)%s", p.inference(),
                p.link() == null ? "" : " over " + p.link(), p.latencySplitMs().networkMs(), p.latencySplitMs().queueMs(),
                p.latencySplitMs().inferenceMs(), p.bytesUpstreamPerInference(), p.bytesUpstreamPerDeviceDay() / (1024 * 1024),
                p.outage() == null ? "" : "; answered " + p.outage().answered() + " of " + p.outage().due()
                        + " requests due during the WAN outage");
    }

    /** Requests due while a WAN outage held, by their intended time, and how many of them got an answer. */
    static PlacementResult.OutageAnswers outage(List<LatencyWindow> windows, List<Fault> faults) {
        List<Fault> outages = faults.stream().filter(f -> f instanceof Fault.WanOutage).toList();
        if (outages.isEmpty()) {
            return null;
        }
        long due = 0;
        long answered = 0;
        for (LatencyWindow window : windows) {
            boolean inside = outages.stream().anyMatch(f -> window.startMs() >= f.at().toMillis() && window.startMs() < f.end().toMillis());
            if (inside) {
                due += window.count();
                answered += window.count() - window.errors();
            }
        }
        return new PlacementResult.OutageAnswers(due, answered);
    }

    /** The twins' mean CPU use over the measured part, in cores, averaged over the twins. */
    static double deviceCores(List<ResourceSeries> series) {
        return series.stream().filter(ResourceSeries::isDevice).mapToDouble(s -> cores(s.samples())).average().orElse(0);
    }

    private static double cores(ResourceSamples samples) {
        int first = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).tMs() >= 0) {
                first = i;
                break;
            }
        }
        int last = samples.size() - 1;
        if (first < 0 || last <= first) {
            return 0;
        }
        long nanos = samples.get(last).cpuUsageNanos() - samples.get(first).cpuUsageNanos();
        long ms = samples.get(last).tMs() - samples.get(first).tMs();
        return ms <= 0 ? 0 : Math.max(0, nanos / (ms * 1e6));
    }
}
