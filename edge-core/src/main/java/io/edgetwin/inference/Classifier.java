package io.edgetwin.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained model of any {@link Architecture}, ready to classify flat inputs one at a time or in
 * batches.
 *
 * <p>{@link #load} reads {@code model.json}, rebuilds the block its architecture and width name and
 * loads the DJL {@code .params} with the PyTorch engine. An input is a flat {@code float[]} of
 * {@link ModelManifest#inputLength()} values, reshaped to the manifest's {@code inputShape} (row-major).
 * Set the engine's thread counts (see {@link TorchThreads#apply()}) before the first load in a process:
 * the engine reads them once.
 *
 * <p><b>Thread confinement:</b> an instance owns one DJL {@code Predictor}, which is not safe for
 * concurrent use. Use an instance from one thread at a time; serve in parallel with one instance per
 * worker thread. {@link #close()} frees the native memory; the instance is unusable after it.
 */
public final class Classifier implements AutoCloseable {

    private static final String ENGINE = "PyTorch";

    private final ModelManifest manifest;
    private final Model model;
    private final boolean ownsModel;
    private final Predictor<List<float[]>, List<Prediction>> predictor;

    private Classifier(ModelManifest manifest, Model model, boolean ownsModel) {
        this.manifest = manifest;
        this.model = model;
        this.ownsModel = ownsModel;
        this.predictor = model.newPredictor(new BatchTranslator(manifest));
    }

    /**
     * Loads the model saved in {@code modelDir} by {@link ModelTrainer}.
     *
     * @throws IllegalArgumentException naming the file when the directory, {@code model.json} or the
     *     parameter file is missing or cannot be parsed
     */
    public static Classifier load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalArgumentException("model directory '" + modelDir + "' does not exist");
        }
        ModelManifest manifest = ModelManifest.readFrom(modelDir);
        Model model = Model.newInstance(manifest.name(), Device.cpu(), ENGINE);
        try {
            loadParameters(model, modelDir, manifest);
            return new Classifier(manifest, model, true);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("model parameters '" + modelDir.resolve(manifest.name() + "-NNNN.params")
                    + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static void loadParameters(Model model, Path modelDir, ModelManifest manifest)
            throws IOException, MalformedModelException {
        model.setBlock(manifest.architecture().block(manifest.width(), manifest.labels().size()));
        model.load(modelDir, manifest.name());
        // DJL skips a file without its magic header instead of failing, leaving the block empty
        if (!model.getBlock().isInitialized()) {
            throw new MalformedModelException("not a DJL parameter file");
        }
        // a file of another width or architecture can load into the wrong block without complaint
        long parameters = parameterCount(model.getBlock());
        if (parameters != manifest.parameters()) {
            throw new MalformedModelException("the file holds " + parameters + " parameters; "
                    + ModelManifest.FILE_NAME + " says " + manifest.parameters());
        }
    }

    /** The number of trainable scalars in {@code block} (batch-norm running statistics are not trained). */
    static long parameterCount(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .map(Parameter::getArray)
                .mapToLong(NDArray::size)
                .sum();
    }

    /** Wraps a model still held by its trainer; closing the wrapper leaves the model open. */
    static Classifier wrapping(Model model, ModelManifest manifest) {
        return new Classifier(manifest, model, false);
    }

    /**
     * Classifies one input.
     *
     * @throws IllegalArgumentException when the input does not have {@code inputLength} values
     */
    public Prediction predict(float[] input) {
        return predictBatch(List.of(input)).get(0);
    }

    /**
     * Classifies {@code inputs} in one forward pass (a batch dimension in front of the input shape);
     * the predictions come back in the order of the inputs.
     *
     * @throws IllegalArgumentException when an input does not have {@code inputLength} values
     */
    public List<Prediction> predictBatch(List<float[]> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("model '" + manifest.name() + "' needs at least one input to classify");
        }
        for (float[] input : inputs) {
            checkInput(input);
        }
        try {
            return predictor.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("model '" + manifest.name() + "' failed to classify a batch of "
                    + inputs.size(), e);
        }
    }

    /**
     * Refuses an input that {@link #predict} would refuse, without running the model.
     *
     * @throws IllegalArgumentException naming the expected and the actual number of values
     */
    public void checkInput(float[] input) {
        Objects.requireNonNull(input, "input");
        if (input.length != manifest.inputLength()) {
            throw new IllegalArgumentException("model '" + manifest.name() + "' expects inputs of "
                    + manifest.inputLength() + " values (shape " + manifest.inputShape() + "); got " + input.length);
        }
    }

    /** The fraction of {@code samples} whose predicted label equals their own label. */
    public double accuracyOn(List<LabeledSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("accuracy of model '" + manifest.name() + "' needs at least one sample");
        }
        long correct = samples.stream()
                .filter(sample -> predict(sample.values()).label().equals(sample.label()))
                .count();
        return (double) correct / samples.size();
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

    /** Flat inputs in, one array with a batch dimension through the network, softmax scores out. */
    private static final class BatchTranslator implements NoBatchifyTranslator<List<float[]>, List<Prediction>> {

        private final List<String> labels;
        private final int inputLength;
        private final long[] inputShape;

        BatchTranslator(ModelManifest manifest) {
            this.labels = manifest.labels();
            this.inputLength = manifest.inputLength();
            this.inputShape = manifest.inputShape().stream().mapToLong(Integer::longValue).toArray();
        }

        @Override
        public NDList processInput(TranslatorContext ctx, List<float[]> inputs) {
            float[] flat = inputs.size() == 1 ? inputs.get(0) : concatenate(inputs);
            Shape shape = new Shape(inputs.size()).addAll(new Shape(inputShape));
            return new NDList(ctx.getNDManager().create(flat, shape));
        }

        @Override
        public List<Prediction> processOutput(TranslatorContext ctx, NDList output) {
            float[] scores = output.singletonOrThrow().softmax(-1).toFloatArray();
            List<Prediction> predictions = new ArrayList<>(scores.length / labels.size());
            for (int row = 0; row < scores.length; row += labels.size()) {
                float[] rowScores = new float[labels.size()];
                for (int i = 0; i < rowScores.length; i++) {
                    // float rounding can push a softmax output a hair past 1
                    rowScores[i] = Math.min(1f, scores[row + i]);
                }
                predictions.add(Prediction.of(labels, rowScores));
            }
            return predictions;
        }

        private float[] concatenate(List<float[]> inputs) {
            float[] flat = new float[inputs.size() * inputLength];
            for (int i = 0; i < inputs.size(); i++) {
                System.arraycopy(inputs.get(i), 0, flat, i * inputLength, inputLength);
            }
            return flat;
        }
    }
}
