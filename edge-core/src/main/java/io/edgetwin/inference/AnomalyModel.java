package io.edgetwin.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A trained anomaly detector ready to answer one window at a time.
 *
 * <p>{@link #load} rebuilds the {@link AnomalyNet} block described by {@code model.json} and loads
 * its DJL {@code .params} with the PyTorch engine. Set the engine's thread counts (see
 * {@link TorchThreads#apply()}) before the first load in a process: the engine reads them once.
 *
 * <p><b>Thread confinement:</b> an instance owns one DJL {@code Predictor}, which is not safe for
 * concurrent use. Use an instance from one thread at a time; serve in parallel with one instance
 * per worker thread. {@link #close()} frees the native memory; the instance is unusable after it.
 */
public final class AnomalyModel implements AutoCloseable {

    private static final String ENGINE = "PyTorch";

    private final ModelManifest manifest;
    private final Model model;
    private final boolean ownsModel;
    private final Predictor<float[], Prediction> predictor;

    private AnomalyModel(ModelManifest manifest, Model model, boolean ownsModel) {
        this.manifest = manifest;
        this.model = model;
        this.ownsModel = ownsModel;
        this.predictor = model.newPredictor(new WindowTranslator(manifest.labels()));
    }

    /**
     * Loads the model saved in {@code modelDir} by {@link ModelTrainer}.
     *
     * @throws IllegalArgumentException naming the file when {@code model.json} or the parameter
     *     file is missing or cannot be parsed
     */
    public static AnomalyModel load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalArgumentException("model directory '" + modelDir + "' does not exist");
        }
        ModelManifest manifest = ModelManifest.readFrom(modelDir);
        Model model = Model.newInstance(manifest.name(), Device.cpu(), ENGINE);
        try {
            model.setBlock(AnomalyNet.block(manifest.widthMultiplier(), manifest.labels().size()));
            model.load(modelDir, manifest.name());
            // DJL skips a file without its magic header instead of failing, leaving the block empty
            if (!model.getBlock().isInitialized()) {
                throw new MalformedModelException("not a DJL parameter file");
            }
            return new AnomalyModel(manifest, model, true);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("model parameters '" + parameterFiles(modelDir, manifest)
                    + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static Path parameterFiles(Path modelDir, ModelManifest manifest) {
        return modelDir.resolve(manifest.name() + "-NNNN.params");
    }

    /** Wraps a model still held by its trainer; closing the wrapper leaves the model open. */
    static AnomalyModel wrapping(Model model, ModelManifest manifest) {
        return new AnomalyModel(manifest, model, false);
    }

    /**
     * Scores one window.
     *
     * @throws IllegalArgumentException when the window does not have {@code inputLength} samples
     */
    public Prediction predict(float[] window) {
        Objects.requireNonNull(window, "window");
        if (window.length != manifest.inputLength()) {
            throw new IllegalArgumentException("model '" + manifest.name() + "' expects windows of "
                    + manifest.inputLength() + " samples; got " + window.length);
        }
        try {
            return predictor.predict(window);
        } catch (TranslateException e) {
            throw new IllegalStateException("model '" + manifest.name() + "' failed to score a window", e);
        }
    }

    /** The fraction of {@code windows} whose predicted label equals their own label. */
    public double accuracyOn(List<LabeledWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("accuracy of model '" + manifest.name() + "' needs at least one window");
        }
        long correct = windows.stream()
                .filter(window -> predict(window.samples()).label().equals(window.label()))
                .count();
        return (double) correct / windows.size();
    }

    /** What {@code model.json} says about this model. */
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public void close() {
        predictor.close();
        if (ownsModel) {
            model.close();
        }
    }

    /** One window in, a batch of one through the network, softmax scores out. */
    private record WindowTranslator(List<String> labels) implements NoBatchifyTranslator<float[], Prediction> {

        @Override
        public NDList processInput(TranslatorContext ctx, float[] window) {
            return new NDList(ctx.getNDManager().create(window, AnomalyNet.inputShape(1, window.length)));
        }

        @Override
        public Prediction processOutput(TranslatorContext ctx, NDList output) {
            float[] scores = output.singletonOrThrow().softmax(-1).toFloatArray();
            for (int i = 0; i < scores.length; i++) {
                // float rounding can push a softmax output a hair past 1
                scores[i] = Math.min(1f, scores[i]);
            }
            return Prediction.of(labels, scores);
        }
    }
}
