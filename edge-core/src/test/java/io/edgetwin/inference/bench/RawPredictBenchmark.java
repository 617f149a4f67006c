package io.edgetwin.inference.bench;

import io.edgetwin.inference.Classifier;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The raw side of the path-overhead comparison (docs/performance.md): one single-sample
 * {@link Classifier#predict} of a trained model in this JVM, with no broker, core or IPC in the way.
 * Sample-time mode gives the latency distribution (p50, p99) and, inverted, the single-caller
 * throughput. Models come from {@code -Dbench.models} (default {@code target/twin-dist/models}).
 * Not a test (surefire never runs it): run {@link #main} with the engine's thread properties set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1"})
public class RawPredictBenchmark {

    @Param({"anomaly-mlp", "anomaly-mlp-x4"})
    public String model;

    private Classifier classifier;
    private float[][] inputs;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Path models = Path.of(System.getProperty("bench.models", "target/twin-dist/models"));
        classifier = Classifier.load(models.resolve(model));
        SplittableRandom random = new SplittableRandom(42);
        inputs = new float[64][classifier.manifest().inputLength()];
        for (float[] input : inputs) {
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextGaussian();
            }
        }
    }

    @Benchmark
    public Object predict() {
        next = (next + 1) & 63;
        return classifier.predict(inputs[next]);
    }

    @TearDown(Level.Trial)
    public void close() {
        classifier.close();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RawPredictBenchmark.class.getName())
                .jvmArgsAppend("-Dbench.models=" + System.getProperty("bench.models", "target/twin-dist/models"))
                .build()).run();
    }
}
