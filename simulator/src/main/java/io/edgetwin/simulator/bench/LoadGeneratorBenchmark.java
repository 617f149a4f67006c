package io.edgetwin.simulator.bench;

import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.Sample;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * A timed run of the load generator against a {@link NullResponder} on loopback: the rate it
 * sustains, how late it hands requests over (send-time error), and the CPU it takes — its own
 * thread's and the whole process's (generator, answer reader and responder together); with several
 * workloads, one generator thread each, as a scenario of several models runs them.
 */
public final class LoadGeneratorBenchmark {

    private LoadGeneratorBenchmark() {
    }

    /** One measured run. */
    public record Result(double ratePerSecond, long scheduled, long ok, long dropped, long unanswered, double sendErrorP50Micros,
                         double sendErrorP99Micros, double generatorCpu, double generatorCpuWithSpin, double processCpu,
                         double latencyP99Micros) {
    }

    /**
     * {@code workloads} generators at once, each at {@code ratePerSecond / workloads} against its own responder, as a
     * scenario of several workloads drives them: the send-time error is every generator's together, the
     * generator CPU the busiest thread's.
     */
    public static Result run(double ratePerSecond, Duration duration, List<Sample> samples, int workloads) throws Exception {
        if (workloads == 1) {
            return run(ratePerSecond, duration, samples);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<NullResponder> responders = new java.util.ArrayList<>();
        List<LoopbackTransport> transports = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.CompletableFuture<LoadResult>> results = new java.util.ArrayList<>();
            long start = System.nanoTime() + 200_000_000L;
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            for (int i = 0; i < workloads; i++) {
                NullResponder responder = new NullResponder();
                responders.add(responder);
                LoopbackTransport transport = new LoopbackTransport(responder.port());
                transports.add(transport);
                LoadDriver driver = new LoadDriver(transport, samples, 42 + i, LoadDriver.Options.defaults());
                java.util.concurrent.CompletableFuture<LoadResult> result = new java.util.concurrent.CompletableFuture<>();
                Thread thread = new Thread(() -> result.complete(driver.run(new Arrival.Constant(ratePerSecond / workloads),
                        start, Duration.ofSeconds(2), duration, Duration.ofSeconds(5), (elapsed, sent, ok, failed, p99) -> { })),
                        "load-" + i);
                thread.start();
                results.add(result);
            }
            List<LoadResult> done = new java.util.ArrayList<>();
            for (java.util.concurrent.CompletableFuture<LoadResult> result : results) {
                done.add(result.get());
            }
            double processCpu = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
            org.HdrHistogram.Histogram sendError = new org.HdrHistogram.Histogram(3);
            done.forEach(r -> sendError.add(r.sendErrorNanos()));
            LoadResult all = LoadResult.concurrent(done);
            return new Result(ratePerSecond, all.scheduled(), all.ok(), all.dropped(), all.unanswered(),
                    sendError.getValueAtPercentile(50) / 1e3, sendError.getValueAtPercentile(99) / 1e3,
                    all.generatorCpuFraction(), all.generatorCpuWithSpinFraction(), processCpu,
                    all.latencyNanos().getValueAtPercentile(99) / 1e3);
        } finally {
            for (LoopbackTransport transport : transports) {
                transport.close();
            }
            for (NullResponder responder : responders) {
                responder.close();
            }
        }
    }

    public static Result run(double ratePerSecond, Duration duration, List<Sample> samples) throws Exception {
        try (NullResponder responder = new NullResponder(); LoopbackTransport transport = new LoopbackTransport(responder.port())) {
            LoadDriver driver = new LoadDriver(transport, samples, 42, LoadDriver.Options.defaults());
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long start = System.nanoTime() + 10_000_000L;
            Duration warmup = Duration.ofSeconds(2);
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            LoadResult result = driver.run(new Arrival.Constant(ratePerSecond), start, warmup, duration, Duration.ofSeconds(5),
                    (elapsed, sent, ok, failed, p99) -> { });
            double processCpu = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
            return new Result(ratePerSecond, result.scheduled(), result.ok(), result.dropped(), result.unanswered(),
                    result.sendErrorNanos().getValueAtPercentile(50) / 1e3, result.sendErrorNanos().getValueAtPercentile(99) / 1e3,
                    result.generatorCpuFraction(), result.generatorCpuWithSpinFraction(), processCpu, result.latencyNanos().getValueAtPercentile(99) / 1e3);
        }
    }
}
