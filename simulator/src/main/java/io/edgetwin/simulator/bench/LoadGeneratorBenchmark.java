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
 * thread's and the whole process's (generator, answer reader and responder together).
 */
public final class LoadGeneratorBenchmark {

    private LoadGeneratorBenchmark() {
    }

    /** One measured run. */
    public record Result(double ratePerSecond, long scheduled, long ok, long dropped, long unanswered, double sendErrorP50Micros,
                         double sendErrorP99Micros, double generatorCpu, double generatorCpuWithSpin, double processCpu,
                         double latencyP99Micros) {
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
