package io.edgetwin.inference;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Smoke check of a deployed model: loads it, predicts every input of its {@code samples.csv} one at
 * a time and then in batches, prints accuracy, latency percentiles of both and the engine's thread
 * counts, and exits 1 when accuracy is below {@value #MIN_ACCURACY} or a batch disagrees with the
 * single predictions.
 *
 * <p>Usage: {@code ModelCheck <modelDir> [--batch N]} (default batch size {@value #DEFAULT_BATCH}).
 * Meant for the twin image (offline, natives from {@code PYTORCH_LIBRARY_PATH}) as much as for the
 * build host. Thread counts follow {@link TorchThreads#forThisProcess()}.
 */
public final class ModelCheck {

    static final double MIN_ACCURACY = 0.95;
    static final int DEFAULT_BATCH = 8;

    private ModelCheck() {}

    public static void main(String[] args) {
        if (!(args.length == 1 || (args.length == 3 && args[1].equals("--batch")))) {
            System.err.println("usage: ModelCheck <modelDir> [--batch N]");
            System.exit(2);
        }
        int batchSize = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_BATCH;
        TorchThreads.forThisProcess().apply();
        Path modelDir = Path.of(args[0]);
        List<LabeledSample> samples = SamplesCsv.read(modelDir.resolve(SamplesCsv.FILE_NAME));
        long loadStartNanos = System.nanoTime();
        try (Classifier classifier = Classifier.load(modelDir)) {
            long loadNanos = System.nanoTime() - loadStartNanos;
            List<Prediction> single = new ArrayList<>(samples.size());
            long[] singleNanos = timeSingle(classifier, samples, single);
            List<Prediction> batched = new ArrayList<>(samples.size());
            long[] batchNanos = timeBatches(classifier, samples, batchSize, batched);
            double accuracy = accuracy(single, samples);
            long disagreements = disagreements(single, batched);
            ModelManifest manifest = classifier.manifest();
            System.out.printf("model %s (%s x%d, %d parameters): %d samples, accuracy %.4f (manifest %.4f), "
                            + "load %.1f ms, predict p50 %.3f ms p99 %.3f ms, batch of %d p50 %.3f ms (%.3f ms per input), "
                            + "torch threads intra-op %d inter-op %d%n",
                    manifest.name(), manifest.architecture().id(), manifest.width(), manifest.parameters(),
                    samples.size(), accuracy, manifest.heldOutAccuracy(), loadNanos / 1e6,
                    percentile(singleNanos, 0.50) / 1e6, percentile(singleNanos, 0.99) / 1e6,
                    batchSize, percentile(batchNanos, 0.50) / 1e6, percentile(batchNanos, 0.50) / 1e6 / batchSize,
                    JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
            if (disagreements > 0) {
                System.err.printf("%d batched predictions differ from the single ones%n", disagreements);
                System.exit(1);
            }
            if (accuracy < MIN_ACCURACY) {
                System.err.printf("accuracy %.4f is below %.2f%n", accuracy, MIN_ACCURACY);
                System.exit(1);
            }
        }
    }

    private static long[] timeSingle(Classifier classifier, List<LabeledSample> samples, List<Prediction> out) {
        long[] latencyNanos = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            float[] input = samples.get(i).values();
            long startNanos = System.nanoTime();
            out.add(classifier.predict(input));
            latencyNanos[i] = System.nanoTime() - startNanos;
        }
        Arrays.sort(latencyNanos);
        return latencyNanos;
    }

    /** Full batches only, so every timing is for the same batch size. */
    private static long[] timeBatches(Classifier classifier, List<LabeledSample> samples, int batchSize,
            List<Prediction> out) {
        int batches = samples.size() / batchSize;
        long[] latencyNanos = new long[Math.max(1, batches)];
        for (int b = 0; b < batches; b++) {
            List<float[]> inputs = samples.subList(b * batchSize, (b + 1) * batchSize).stream()
                    .map(LabeledSample::values)
                    .toList();
            long startNanos = System.nanoTime();
            out.addAll(classifier.predictBatch(inputs));
            latencyNanos[b] = System.nanoTime() - startNanos;
        }
        Arrays.sort(latencyNanos);
        return latencyNanos;
    }

    private static double accuracy(List<Prediction> predictions, List<LabeledSample> samples) {
        long correct = 0;
        for (int i = 0; i < samples.size(); i++) {
            correct += predictions.get(i).label().equals(samples.get(i).label()) ? 1 : 0;
        }
        return (double) correct / samples.size();
    }

    private static long disagreements(List<Prediction> single, List<Prediction> batched) {
        long differ = 0;
        for (int i = 0; i < batched.size(); i++) {
            differ += single.get(i).label().equals(batched.get(i).label()) ? 0 : 1;
        }
        return differ;
    }

    private static long percentile(long[] sortedNanos, double quantile) {
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(quantile * sortedNanos.length))];
    }
}
