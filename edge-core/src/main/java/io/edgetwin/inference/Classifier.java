package io.edgetwin.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.TranslateException;
import io.edgetwin.inference.model.EngineModels;
import io.edgetwin.inference.model.ModelFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classifier a {@link ModelManifest} describes, ready to classify flat inputs one at a time or in
 * batches, whatever its format: a built-in DJL {@code .params} model (the block is rebuilt from its
 * {@link Architecture}), a TorchScript archive (PyTorch engine) or an ONNX graph (ONNX Runtime).
 *
 * <p>An input is a flat {@code float[]} of {@link ModelManifest#inputLength()} values, preprocessed as
 * the manifest says and reshaped to its input shape (row-major); the first output's scores per input
 * go through a softmax and are ranked against the manifest's labels.
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
     * Loads the model a manifest describes: {@code path} is the model's folder (holding
     * {@code model.yaml} or {@code model.json}) or the manifest file itself. The model file is loaded
     * with its format's engine, then one input of the manifest's shape is run through it to prove the
     * two agree.
     *
     * @throws IllegalArgumentException naming the file and what was expected when the folder, the
     *     manifest or the model file is missing or malformed, or the model does not match its manifest
     */
    public static Classifier load(Path path) {
        Path manifestFile = ModelManifest.locate(path);
        ModelManifest manifest = ModelManifest.readFrom(manifestFile);
        Path modelFile = manifestFile.toAbsolutePath().getParent().resolve(manifest.file());
        Model model = manifest.format() == ModelFormat.DJL_PARAMS
                ? loadParameters(modelFile, manifest)
                : EngineModels.load(modelFile, manifest.format(), manifest.name(), intraOpThreadsSetting());
        Classifier classifier = new Classifier(manifest, model, true);
        try {
            classifier.probe(modelFile, manifestFile);
            return classifier;
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    private static Model loadParameters(Path modelFile, ModelManifest manifest) {
        Model model = Model.newInstance(manifest.name(), Device.cpu(), ENGINE);
        try {
            loadParameters(model, modelFile, manifest);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("model parameters '" + modelFile
                    + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static void loadParameters(Model model, Path modelFile, ModelManifest manifest)
            throws IOException, MalformedModelException {
        String fileName = modelFile.getFileName().toString();
        if (!fileName.matches(".+-[0-9]{4}\\.params")) {
            throw new MalformedModelException("expected a DJL file name <prefix>-<4 digits>.params");
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new MalformedModelException("the file does not exist");
        }
        model.setBlock(manifest.architecture().block(manifest.width(), manifest.labels().size()));
        model.load(modelFile.getParent(), fileName.substring(0, fileName.length() - "-0000.params".length()),
                Map.of("epoch", Integer.parseInt(fileName.substring(fileName.length() - "0000.params".length(),
                        fileName.length() - ".params".length()))));
        // DJL skips a file without its magic header instead of failing, leaving the block empty
        if (!model.getBlock().isInitialized()) {
            throw new MalformedModelException("not a DJL parameter file");
        }
        // a file of another width or architecture can load into the wrong block without complaint
        long parameters = parameterCount(model.getBlock());
        if (parameters != manifest.parameters()) {
            throw new MalformedModelException("the file holds " + parameters + " parameters; "
                    + "the manifest says " + manifest.parameters());
        }
    }

    /** ONNX Runtime's intra-op threads: the count PyTorch was given, when one was. */
    private static int intraOpThreadsSetting() {
        try {
            return Integer.parseInt(System.getProperty(TorchThreads.NUM_THREADS_PROPERTY, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Runs one input of the manifest's shape through the model: the shapes must agree, one score per label. */
    private void probe(Path modelFile, Path manifestFile) {
        try {
            predictor.predict(List.of(new float[manifest.inputLength()]));
        } catch (TranslateException | RuntimeException e) {
            throw new IllegalArgumentException("model file '" + modelFile + "' does not take the input "
                    + manifestFile + " describes (shape " + manifest.inputShape() + " plus a batch dimension, "
                    + manifest.input().dtype() + (manifest.input().name() == null ? "" : ", named '"
                    + manifest.input().name() + "'") + "): " + EngineModels.firstLine(e), e);
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

    /**
     * The intra-op threads the model's engine runs with, read back from PyTorch for PyTorch models
     * (which loads no other engine for an ONNX model).
     */
    public int intraOpThreads() {
        return manifest.format().engine().equals(ENGINE) ? JniUtils.getNumThreads() : intraOpThreadsSetting();
    }

    /** The inter-op threads of the model's engine (ONNX Runtime runs one). */
    public int interOpThreads() {
        return manifest.format().engine().equals(ENGINE) ? JniUtils.getNumInteropThreads() : 1;
    }

    /** What the manifest says about this model. */
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
}
