package io.edgetwin.inference;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Smoke check of a deployed model: loads it, predicts every window of its {@code samples.csv} one
 * at a time, prints accuracy, single-call latency percentiles and the engine's thread counts, and
 * exits 1 when accuracy is below {@value #MIN_ACCURACY}.
 *
 * <p>Usage: {@code ModelCheck <modelDir>}. Meant for the twin image (offline, natives from
 * {@code PYTORCH_LIBRARY_PATH}) as much as for the build host.
 */
public final class ModelCheck {

    static final double MIN_ACCURACY = 0.95;

    private ModelCheck() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ModelCheck <modelDir>");
            System.exit(2);
        }
        TorchThreads.forThisProcess().apply();
        Path modelDir = Path.of(args[0]);
        List<LabeledWindow> samples = SamplesCsv.read(modelDir.resolve(SamplesCsv.FILE_NAME));
        long loadStartNanos = System.nanoTime();
        try (AnomalyModel model = AnomalyModel.load(modelDir)) {
            long loadNanos = System.nanoTime() - loadStartNanos;
            double accuracy = report(model, samples, loadNanos);
            if (accuracy < MIN_ACCURACY) {
                System.err.printf("accuracy %.4f is below %.2f%n", accuracy, MIN_ACCURACY);
                System.exit(1);
            }
        }
    }

    private static double report(AnomalyModel model, List<LabeledWindow> samples, long loadNanos) {
        long[] latencyNanos = new long[samples.size()];
        long correct = 0;
        for (int i = 0; i < samples.size(); i++) {
            LabeledWindow window = samples.get(i);
            long startNanos = System.nanoTime();
            Prediction prediction = model.predict(window.samples());
            latencyNanos[i] = System.nanoTime() - startNanos;
            correct += prediction.label().equals(window.label()) ? 1 : 0;
        }
        double accuracy = (double) correct / samples.size();
        Arrays.sort(latencyNanos);
        System.out.printf("model %s: %d samples, accuracy %.4f (manifest %.4f), load %.1f ms, "
                        + "predict p50 %.3f ms p99 %.3f ms, torch threads intra-op %d inter-op %d%n",
                model.manifest().name(), samples.size(), accuracy, model.manifest().heldOutAccuracy(),
                loadNanos / 1e6, percentile(latencyNanos, 0.50) / 1e6, percentile(latencyNanos, 0.99) / 1e6,
                JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
        return accuracy;
    }

    private static long percentile(long[] sortedNanos, double quantile) {
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(quantile * sortedNanos.length))];
    }
}
