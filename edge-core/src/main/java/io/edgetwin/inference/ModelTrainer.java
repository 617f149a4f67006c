package io.edgetwin.inference;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the twin's models on their synthetic data and writes everything a twin needs to
 * {@code <outDir>/<name>/}: the weights ({@code <name>-0000.params}), {@code model.json}
 * ({@link ModelManifest}) and {@code samples.csv} ({@link SamplesCsv}), held-out inputs that
 * training never saw.
 *
 * <p>Reproducible: the seed fixes the training and held-out data (two independent streams split
 * from one {@link SplittableRandom}) and is handed to the engine before each model, which seeds
 * PyTorch's generator (weight initialisation) and DJL's batch shuffling. Runs with the same seed and
 * thread count give the same bytes as far as PyTorch's CPU kernels are deterministic, and a model
 * comes out the same whether trained alone ({@code --only}) or with the others.
 *
 * <p>Usage: {@code ModelTrainer <outDir> [--seed N] [--only NAME]}, where NAME is one of the
 * {@link TrainingPlan#all} names.
 */
public final class ModelTrainer {

    public static final long DEFAULT_SEED = 42;

    private static final String ENGINE = "PyTorch";
    private static final String USAGE = "usage: ModelTrainer <outDir> [--seed N] [--only NAME]";

    /** Where the model went, what its manifest says, and how long training took. */
    public record TrainedModel(Path modelDir, ModelManifest manifest, Duration trainingTime) {}

    private ModelTrainer() {}

    public static void main(String[] args) {
        List<TrainingPlan> plans = List.of();
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("no output directory");
            }
            plans = plans(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        // One thread: the batches are too small to split, and spinning OpenMP workers on a busy
        // two-core build host made epochs 10-100x slower than a single thread.
        TorchThreads threads = TorchThreads.choose(System.getProperties(), TorchThreads.fixed(1)).apply();
        long startNanos = System.nanoTime();
        for (TrainingPlan plan : plans) {
            System.out.println("training " + plan.name() + " seed=" + plan.seed() + " threads=" + threads.intraOpThreads());
            TrainedModel trained = train(Path.of(args[0]), plan, System.out);
            System.out.printf("wrote %s: held-out accuracy %.4f, %d parameters, trained in %.1f s%n",
                    trained.modelDir(), trained.manifest().heldOutAccuracy(),
                    trained.manifest().parameters(), trained.trainingTime().toMillis() / 1000.0);
        }
        System.out.printf("trained %d models in %.1f s%n", plans.size(), (System.nanoTime() - startNanos) / 1e9);
    }

    /** The plans selected by {@code [--seed N] [--only NAME]}. */
    static List<TrainingPlan> plans(List<String> options) {
        long seed = DEFAULT_SEED;
        String only = null;
        for (int i = 0; i < options.size(); i += 2) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = options.get(i + 1);
            switch (option) {
                case "--seed" -> seed = parseSeed(value);
                case "--only" -> only = value;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        List<TrainingPlan> all = TrainingPlan.all(seed);
        if (only == null) {
            return all;
        }
        String name = only;
        List<TrainingPlan> selected = all.stream().filter(plan -> plan.name().equals(name)).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("unknown model '" + name + "'; expected one of "
                    + all.stream().map(TrainingPlan::name).toList());
        }
        return selected;
    }

    /**
     * Trains per {@code plan} and writes the model to {@code <outDir>/<name>/}, printing one
     * progress line per epoch to {@code progress}.
     */
    public static TrainedModel train(Path outDir, TrainingPlan plan, PrintStream progress) {
        Path modelDir = createDirectories(outDir.resolve(plan.name()));
        Architecture architecture = plan.architecture();
        Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(plan.seed()));
        SplittableRandom streams = new SplittableRandom(plan.seed());
        List<LabeledSample> training = architecture.balancedSamples(streams.split(), plan.trainingSamples());
        List<LabeledSample> heldOut = architecture.balancedSamples(streams.split(), plan.heldOutSamples());
        long startNanos = System.nanoTime();
        try (Model model = Model.newInstance(plan.name(), Device.cpu(), ENGINE)) {
            model.setBlock(architecture.block(plan.width(), architecture.labels().size()));
            fit(model, training, plan, progress);
            Duration trainingTime = Duration.ofNanos(System.nanoTime() - startNanos);
            ModelManifest manifest = save(model, modelDir, plan, heldOut);
            return new TrainedModel(modelDir, manifest, trainingTime);
        }
    }

    private static void fit(Model model, List<LabeledSample> samples, TrainingPlan plan, PrintStream progress) {
        int stepsPerEpoch = (samples.size() + plan.batchSize() - 1) / plan.batchSize();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(learningRate(plan, stepsPerEpoch)).build())
                .optDevices(new Device[] {Device.cpu()});
        try (NDManager data = model.getNDManager().newSubManager();
                Trainer trainer = model.newTrainer(config)) {
            ArrayDataset dataset = dataset(data, samples, plan);
            trainer.initialize(batchShape(plan.batchSize(), plan.architecture()));
            for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
                long startNanos = System.nanoTime();
                EpochStats stats = runEpoch(trainer, dataset);
                progress.printf("%s epoch %2d/%d  loss %.4f  train accuracy %.4f  (%d ms)%n", plan.name(), epoch,
                        plan.epochs(), stats.meanLoss(), stats.accuracy(), (System.nanoTime() - startNanos) / 1_000_000);
            }
        }
    }

    private static Tracker learningRate(TrainingPlan plan, int stepsPerEpoch) {
        if (plan.finalLearningRate() == plan.learningRate()) {
            return Tracker.fixed(plan.learningRate());
        }
        return Tracker.cosine()
                .setBaseValue(plan.learningRate())
                .optFinalValue(plan.finalLearningRate())
                .setMaxUpdates(plan.epochs() * stepsPerEpoch)
                .build();
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
            throw new IllegalStateException("cannot iterate the training samples", e);
        }
        return new EpochStats(lossSum / batches, (double) correct / seen);
    }

    private static long correctCount(NDArray logits, NDArray labels) {
        return logits.argMax(1).eq(labels.toType(DataType.INT64, false)).sum().getLong();
    }

    private static ArrayDataset dataset(NDManager manager, List<LabeledSample> samples, TrainingPlan plan) {
        List<String> labelNames = plan.architecture().labels();
        int length = samples.get(0).length();
        float[] features = new float[samples.size() * length];
        float[] labels = new float[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            LabeledSample sample = samples.get(i);
            System.arraycopy(sample.values(), 0, features, i * length, length);
            labels[i] = labelNames.indexOf(sample.label());
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(features, batchShape(samples.size(), plan.architecture())))
                .optLabels(manager.create(labels, new Shape(samples.size())))
                .setSampling(plan.batchSize(), true)
                .build();
    }

    private static Shape batchShape(int batchSize, Architecture architecture) {
        return new Shape(batchSize).addAll(new Shape(architecture.inputShape().stream().mapToLong(Integer::longValue).toArray()));
    }

    /** Measures held-out accuracy, then writes the weights, the manifest and the held-out samples. */
    private static ModelManifest save(Model model, Path modelDir, TrainingPlan plan, List<LabeledSample> heldOut) {
        Architecture architecture = plan.architecture();
        ModelManifest unmeasured = ModelManifest.trained(plan.name(), architecture, plan.width(),
                architecture.inputShape(), architecture.labels(), Classifier.parameterCount(model.getBlock()), plan.seed(), heldOut.size(), 0.0);
        double accuracy;
        try (Classifier classifier = Classifier.wrapping(model, unmeasured)) {
            accuracy = classifier.accuracyOn(heldOut);
        }
        ModelManifest manifest = unmeasured.withHeldOutAccuracy(accuracy);
        try {
            // DJL numbers the file after the newest one present: without this a rebuild adds -0001
            deleteParameterFiles(modelDir, plan.name());
            model.save(modelDir, plan.name());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model parameters to '" + modelDir + "'", e);
        }
        manifest.writeTo(modelDir);
        SamplesCsv.write(modelDir.resolve(SamplesCsv.FILE_NAME), heldOut);
        return manifest;
    }

    private static void deleteParameterFiles(Path modelDir, String name) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(modelDir, name + "-[0-9][0-9][0-9][0-9].params")) {
            for (Path file : stale) {
                Files.delete(file);
            }
        }
    }

    private static long parseSeed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number; got '" + value + "'", e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model directory '" + dir + "'", e);
        }
    }
}
