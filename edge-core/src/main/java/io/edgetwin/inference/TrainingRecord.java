package io.edgetwin.inference;

import java.util.Objects;

/**
 * How a built-in model was trained: the {@code training} section of its manifest. A DJL
 * {@code .params} model needs it (its block is rebuilt from {@link #architecture} and {@link #width});
 * TorchScript and ONNX models carry their network in the file and need none.
 *
 * @param architecture the network family, which fixes the block and the data it was trained on
 * @param width the width multiplier the weights were trained with (1, 4, ...)
 * @param parameters number of trainable scalars (batch-norm running statistics not counted); loading
 *     checks it against the file
 * @param seed the seed the training data and engine were seeded with
 * @param heldOutSamples how many held-out inputs the accuracy was measured on ({@code samples.csv})
 * @param heldOutAccuracy accuracy on those held-out inputs
 */
public record TrainingRecord(Architecture architecture, int width, long parameters, long seed, int heldOutSamples,
        double heldOutAccuracy) {

    public TrainingRecord {
        Objects.requireNonNull(architecture, "architecture");
        if (width <= 0 || parameters <= 0 || heldOutSamples <= 0) {
            throw new IllegalArgumentException("training: width, parameters and heldOutSamples must be > 0; got "
                    + width + ", " + parameters + ", " + heldOutSamples);
        }
        if (!(heldOutAccuracy >= 0.0 && heldOutAccuracy <= 1.0)) {
            throw new IllegalArgumentException("training: heldOutAccuracy must be in [0, 1]; got " + heldOutAccuracy);
        }
    }
}
