package io.edgetwin.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Check of a model as the twin would load it: loads the model a manifest describes, predicts every
 * sample one at a time and then in batches, prints the format, file size, load time, accuracy,
 * latency percentiles of both and the engine's thread counts. Exits 1 when accuracy is below the
 * manifest's {@code accuracyFloor} (a built-in model without one: {@value #MIN_ACCURACY}) or a batch
 * disagrees with the single predictions, 2 for bad input (one line naming the file and what was
 * expected).
 *
 * <p>Usage: {@code ModelCheck <model folder or manifest> [--samples FILE.csv] [--batch N]}; the
 * samples default to the model folder's {@code samples.csv} (default batch size {@value #DEFAULT_BATCH}).
 * Meant for the twin image (offline, natives from {@code PYTORCH_LIBRARY_PATH}) as much as for the
 * build host. Thread counts follow {@link TorchThreads#forThisProcess()}.
 */
public final class ModelCheck {

    static final double MIN_ACCURACY = 0.95;
    static final int DEFAULT_BATCH = 8;
    private static final String USAGE = "usage: ModelCheck <model folder or manifest> [--samples FILE.csv] [--batch N]";

    private ModelCheck() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("model check: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the check; returns the exit code (0 or 1); bad input throws IllegalArgumentException. */
    static int run(String[] args) {
        if (args.length == 0 || args.length % 2 == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Path model = Path.of(args[0]);
        Path samplesFile = null;
        int batchSize = DEFAULT_BATCH;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samplesFile = Path.of(args[i + 1]);
                case "--batch" -> batchSize = positive(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
            }
        }
        TorchThreads.forThisProcess().apply();
        Path manifestFile = ModelManifest.locate(model);
        if (samplesFile == null) {
            samplesFile = manifestFile.toAbsolutePath().getParent().resolve(SamplesCsv.FILE_NAME);
        }
        if (!Files.isRegularFile(samplesFile)) {
            throw new IllegalArgumentException("samples '" + samplesFile + "' do not exist; expected a CSV file"
                    + " 'label,v0,...' (give one with --samples)");
        }
        List<LabeledSample> samples = SamplesCsv.read(samplesFile);
        long loadStartNanos = System.nanoTime();
        try (Classifier classifier = Classifier.load(manifestFile)) {
            long loadNanos = System.nanoTime() - loadStartNanos;
            long rssKb = residentKb();
            samples.forEach(sample -> classifier.checkInput(sample.values()));
            return report(classifier, samples, batchSize, loadNanos, rssKb, manifestFile);
        }
    }

    private static int report(Classifier classifier, List<LabeledSample> samples, int batchSize, long loadNanos,
            long rssKb, Path manifestFile) {
        List<Prediction> single = new ArrayList<>(samples.size());
        long[] singleNanos = timeSingle(classifier, samples, single);
        List<Prediction> batched = new ArrayList<>(samples.size());
        long[] batchNanos = timeBatches(classifier, samples, batchSize, batched);
        double accuracy = accuracy(single, samples);
        long disagreements = disagreements(single, batched);
        ModelManifest manifest = classifier.manifest();
        Path modelFile = manifestFile.toAbsolutePath().getParent().resolve(manifest.file());
        System.out.printf("model %s (%s, %s, %d bytes%s): input %s, %d labels; %d samples, accuracy %.4f%s, "
                        + "load %.1f ms, RSS after load %d MB, predict p50 %.3f ms p99 %.3f ms, batch of %d p50 %.3f ms (%.3f ms per input), "
                        + "engine threads intra-op %d inter-op %d%n",
                manifest.name(), manifest.format().id(), modelFile.getFileName(), size(modelFile),
                manifest.training() == null ? "" : ", " + manifest.parameters() + " parameters",
                manifest.inputShape(), manifest.labels().size(), samples.size(), accuracy,
                manifest.training() == null ? "" : String.format(" (manifest %.4f)", manifest.heldOutAccuracy()),
                loadNanos / 1e6, rssKb / 1024, percentile(singleNanos, 0.50) / 1e6, percentile(singleNanos, 0.99) / 1e6,
                batchSize, percentile(batchNanos, 0.50) / 1e6, percentile(batchNanos, 0.50) / 1e6 / batchSize,
                classifier.intraOpThreads(), classifier.interOpThreads());
        if (disagreements > 0) {
            System.err.printf("%d batched predictions differ from the single ones%n", disagreements);
            return 1;
        }
        double floor = manifest.accuracyFloor() != null ? manifest.accuracyFloor()
                : manifest.training() != null ? MIN_ACCURACY : 0.0;
        if (accuracy < floor) {
            System.err.printf("accuracy %.4f is below %.2f%n", accuracy, floor);
            return 1;
        }
        return 0;
    }

    /** The process's resident memory in KB (Linux's /proc/self/status), or -1 where there is none. */
    private static long residentKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--batch must be a whole number > 0; got '" + value + "'");
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
