package io.edgetwin.simulator.bench;

import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.load.SendTimeline;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A timed run of the load generator against a {@link NullResponder} on loopback: the rate it
 * sustains, how late it hands requests over (send-time error), and the CPU it takes — its own
 * thread's and the whole process's (generator, answer reader and responder together); with several
 * workloads in one timeline, as a scenario of several models sends them.
 */
public final class LoadGeneratorBenchmark {

    private static final Duration WARMUP = Duration.ofSeconds(2);

    private LoadGeneratorBenchmark() {
    }

    /** One measured run. */
    public record Result(double ratePerSecond, long scheduled, long ok, long dropped, long unanswered, double sendErrorP50Micros,
                         double sendErrorP99Micros, double generatorCpu, double generatorCpuWithSpin, double processCpu,
                         double latencyP99Micros) {
    }

    /**
     * {@code workloads} workloads at once, each at {@code ratePerSecond / workloads} against its own responder, sent
     * from one thread in one {@link SendTimeline} as a scenario of several workloads sends them: the send-time error
     * is every workload's together, the generator CPU the one thread's.
     */
    public static Result run(double ratePerSecond, Duration duration, List<Sample> samples, int workloads) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            List<SendTimeline.Lane> lanes = new ArrayList<>();
            for (int i = 0; i < workloads; i++) {
                NullResponder responder = new NullResponder();
                open.add(responder);
                LoopbackTransport transport = new LoopbackTransport(responder.port());
                open.add(transport);
                lanes.add(new SendTimeline.Lane(new LoadDriver(transport, samples, 42 + i, LoadDriver.Options.defaults()),
                        new Arrival.Constant(ratePerSecond / workloads), (elapsed, sent, ok, failed, p99) -> { }));
            }
            long start = System.nanoTime() + 10_000_000L;
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            List<LoadResult> done = SendTimeline.run(lanes, start, WARMUP, duration, Duration.ofSeconds(5));
            double processCpu = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
            Histogram sendError = new Histogram(3);
            done.forEach(r -> sendError.add(r.sendErrorNanos()));
            LoadResult all = LoadResult.concurrent(done);
            return new Result(ratePerSecond, all.scheduled(), all.ok(), all.dropped(), all.unanswered(),
                    sendError.getValueAtPercentile(50) / 1e3, sendError.getValueAtPercentile(99) / 1e3,
                    all.generatorCpuFraction(), all.generatorCpuWithSpinFraction(), processCpu,
                    all.latencyNanos().getValueAtPercentile(99) / 1e3);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }
}
