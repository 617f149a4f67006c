package io.edgetwin.inference;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the anomaly detector on synthetic {@link VibrationWindows} and writes everything a twin
 * needs to {@code <outDir>/anomaly-mlp/}: the weights ({@code anomaly-mlp-0000.params}),
 * {@code model.json} ({@link ModelManifest}) and {@code samples.csv} ({@link SamplesCsv}), held-out
 * windows that training never saw.
 *
 * <p>Reproducible: the seed fixes the training and held-out windows (two independent streams split
 * from one {@link SplittableRandom}) and is handed to the engine, which seeds PyTorch's generator
 * (weight initialisation) and DJL's batch shuffling. Runs with the same seed and thread count give
 * the same weights as far as PyTorch's CPU kernels are deterministic.
 *
 * <p>Usage: {@code ModelTrainer <outDir> [--seed N]}.
 */
public final class ModelTrainer {

    public static final String MODEL_NAME = "anomaly-mlp";
    public static final long DEFAULT_SEED = 42;

    private static final String ENGINE = "PyTorch";

    /**
     * How to train: data sizes, schedule and network width.
     *
     * @param seed fixes the data, the initial weights and the batch order
     * @param trainingWindows balanced windows to train on
     * @param heldOutWindows balanced windows kept for {@code samples.csv} and the accuracy figure
     */
    public record Plan(
            long seed, int trainingWindows, int heldOutWindows, int epochs, int batchSize,
            float learningRate, int widthMultiplier) {

        public Plan {
            requirePositive("trainingWindows", trainingWindows);
            requirePositive("heldOutWindows", heldOutWindows);
            requirePositive("epochs", epochs);
            requirePositive("batchSize", batchSize);
            requirePositive("widthMultiplier", widthMultiplier);
            if (!(learningRate > 0f)) {
                throw new IllegalArgumentException("learningRate must be > 0; got " + learningRate);
            }
        }

        /**
         * The walking skeleton's plan: a few seconds on one thread. Many fresh windows and few
         * epochs, because the network overfits a small set (10k windows: 0.99 train, 0.89 held out).
         */
        public static Plan defaults(long seed) {
            return new Plan(seed, 60_000, 2_000, 6, 64, 2e-3f, 1);
        }

        private static void requirePositive(String field, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(field + " must be > 0; got " + value);
            }
        }
    }

    /** Where the model went, what its manifest says, and how long training took. */
    public record TrainedModel(Path modelDir, ModelManifest manifest, Duration trainingTime) {}

    private ModelTrainer() {}

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && "--seed".equals(args[1]))) {
            System.err.println("usage: ModelTrainer <outDir> [--seed N]");
            System.exit(2);
        }
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        // One thread: the batches are too small to split, and spinning OpenMP workers on a busy
        // two-core build host made epochs 10-100x slower than a single thread.
        TorchThreads threads = TorchThreads.choose(System.getProperties(), TorchThreads.fixed(1)).apply();
        System.out.println("training " + MODEL_NAME + " seed=" + seed + " threads=" + threads.intraOpThreads());
        TrainedModel trained = train(Path.of(args[0]), Plan.defaults(seed), System.out);
        System.out.printf("wrote %s: held-out accuracy %.4f, %d parameters, trained in %.1f s%n",
                trained.modelDir(), trained.manifest().heldOutAccuracy(),
                trained.manifest().parameterCount(), trained.trainingTime().toMillis() / 1000.0);
    }

    /**
     * Trains per {@code plan} and writes the model to {@code <outDir>/anomaly-mlp/}, printing one
     * progress line per epoch to {@code progress}.
     */
    public static TrainedModel train(Path outDir, Plan plan, PrintStream progress) {
        Path modelDir = createDirectories(outDir.resolve(MODEL_NAME));
        Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(plan.seed()));
        SplittableRandom streams = new SplittableRandom(plan.seed());
        List<LabeledWindow> training = new VibrationWindows(streams.split()).balanced(plan.trainingWindows());
        List<LabeledWindow> heldOut = new VibrationWindows(streams.split()).balanced(plan.heldOutWindows());
        long startNanos = System.nanoTime();
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu(), ENGINE)) {
            model.setBlock(AnomalyNet.block(plan.widthMultiplier(), VibrationWindows.LABELS.size()));
            fit(model, training, plan, progress);
            Duration trainingTime = Duration.ofNanos(System.nanoTime() - startNanos);
            ModelManifest manifest = save(model, modelDir, plan, heldOut);
            return new TrainedModel(modelDir, manifest, trainingTime);
        }
    }

    private static void fit(Model model, List<LabeledWindow> windows, Plan plan, PrintStream progress) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(plan.learningRate())).build())
                .optDevices(new Device[] {Device.cpu()});
        try (NDManager data = model.getNDManager().newSubManager();
                Trainer trainer = model.newTrainer(config)) {
            ArrayDataset dataset = dataset(data, windows, plan.batchSize());
            trainer.initialize(AnomalyNet.inputShape(plan.batchSize(), VibrationWindows.WINDOW_LENGTH));
            for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
                long startNanos = System.nanoTime();
                EpochStats stats = runEpoch(trainer, dataset);
                progress.printf("epoch %2d/%d  loss %.4f  train accuracy %.4f  (%d ms)%n", epoch, plan.epochs(),
                        stats.meanLoss(), stats.accuracy(), (System.nanoTime() - startNanos) / 1_000_000);
            }
        }
    }

    private record EpochStats(double meanLoss, double accuracy) {}

    private static EpochStats runEpoch(Trainer trainer, ArrayDataset dataset) {
        double lossSum = 0;
        long batches = 0;
        long correct = 0;
        long seen = 0;
        try {
            for (Batch batch : trainer.iterateDataset(dataset)) {
                try (batch; GradientCollector gradients = trainer.newGradientCollector()) {
                    NDArray labels = batch.getLabels().singletonOrThrow();
                    NDList logits = trainer.forward(batch.getData());
                    NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), logits);
                    gradients.backward(loss);
                    lossSum += loss.getFloat();
                    correct += correctCount(logits.singletonOrThrow(), labels);
                    seen += labels.size();
                    batches++;
                }
                trainer.step();
            }
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("cannot iterate the training windows", e);
        }
        return new EpochStats(lossSum / batches, (double) correct / seen);
    }

    private static long correctCount(NDArray logits, NDArray labels) {
        return logits.argMax(1).eq(labels.toType(DataType.INT64, false)).sum().getLong();
    }

    private static ArrayDataset dataset(NDManager manager, List<LabeledWindow> windows, int batchSize) {
        float[] features = new float[windows.size() * VibrationWindows.WINDOW_LENGTH];
        float[] labels = new float[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            LabeledWindow window = windows.get(i);
            System.arraycopy(window.samples(), 0, features, i * VibrationWindows.WINDOW_LENGTH,
                    VibrationWindows.WINDOW_LENGTH);
            labels[i] = VibrationWindows.LABELS.indexOf(window.label());
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(features, AnomalyNet.inputShape(windows.size(), VibrationWindows.WINDOW_LENGTH)))
                .optLabels(manager.create(labels, new Shape(windows.size())))
                .setSampling(batchSize, true)
                .build();
    }

    /** Measures held-out accuracy, then writes the weights, the manifest and the held-out samples. */
    private static ModelManifest save(Model model, Path modelDir, Plan plan, List<LabeledWindow> heldOut) {
        ModelManifest unmeasured = new ModelManifest(MODEL_NAME, VibrationWindows.LABELS,
                VibrationWindows.WINDOW_LENGTH, plan.widthMultiplier(), plan.seed(), 0.0, parameterCount(model));
        double accuracy;
        try (AnomalyModel detector = AnomalyModel.wrapping(model, unmeasured)) {
            accuracy = detector.accuracyOn(heldOut);
        }
        ModelManifest manifest = unmeasured.withHeldOutAccuracy(accuracy);
        try {
            model.save(modelDir, MODEL_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model parameters to '" + modelDir + "'", e);
        }
        manifest.writeTo(modelDir);
        SamplesCsv.write(modelDir.resolve(SamplesCsv.FILE_NAME), heldOut);
        return manifest;
    }

    private static long parameterCount(Model model) {
        return model.getBlock().getParameters().values().stream()
                .map(Parameter::getArray)
                .mapToLong(NDArray::size)
                .sum();
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model directory '" + dir + "'", e);
        }
    }
}
