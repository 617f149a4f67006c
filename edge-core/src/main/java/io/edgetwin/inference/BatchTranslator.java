package io.edgetwin.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/** Flat inputs in, one array with a batch dimension through the network, softmax scores out. */
final class BatchTranslator implements NoBatchifyTranslator<List<float[]>, List<Prediction>> {

    private final ModelManifest manifest;
    private final List<String> labels;
    private final int inputLength;
    private final long[] inputShape;

    BatchTranslator(ModelManifest manifest) {
        this.manifest = manifest;
        this.labels = manifest.labels();
        this.inputLength = manifest.inputLength();
        this.inputShape = manifest.inputShape().stream().mapToLong(Integer::longValue).toArray();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<float[]> inputs) {
        float[] flat = new float[inputs.size() * inputLength];
        for (int i = 0; i < inputs.size(); i++) {
            float[] values = manifest.preprocessing().apply(inputs.get(i), manifest.input());
            System.arraycopy(values, 0, flat, i * inputLength, inputLength);
        }
        Shape shape = new Shape(inputs.size()).addAll(new Shape(inputShape));
        NDArray array = ctx.getNDManager().create(flat, shape);
        if (manifest.input().name() != null) {
            array.setName(manifest.input().name());
        }
        return new NDList(array);
    }

    @Override
    public List<Prediction> processOutput(TranslatorContext ctx, NDList output) {
        if (output.isEmpty()) {
            throw new IllegalStateException("the model gave no output; expected one score per label " + labels);
        }
        Shape shape = output.get(0).getShape();
        if (shape.dimension() != 2 || shape.get(1) != labels.size()) {
            throw new IllegalStateException("the model's first output has shape " + shape + "; expected (batch, "
                    + labels.size() + "): one score per label " + labels);
        }
        float[] logits = output.get(0).toFloatArray();
        int rows = (int) shape.get(0);
        List<Prediction> predictions = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            predictions.add(Prediction.of(labels, softmax(logits, row * labels.size(), labels.size())));
        }
        return predictions;
    }

    private static float[] softmax(float[] logits, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, logits[from + i]);
        }
        double[] exp = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            exp[i] = Math.exp(logits[from + i] - max);
            sum += exp[i];
        }
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            scores[i] = (float) Math.min(1.0, exp[i] / sum);
        }
        return scores;
    }
}
