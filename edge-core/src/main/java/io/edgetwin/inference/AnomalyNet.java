package io.edgetwin.inference;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * The anomaly detector's network: a multilayer perceptron {@code 128 → 64w → 32w → classes} with
 * ReLU between the layers, where {@code w} is the width multiplier (1 for {@code anomaly-mlp}, 4 for
 * {@code anomaly-mlp-x4}).
 *
 * <p>The same definition serves training and loading: DJL's {@code .params} files hold only the
 * weights, so a fresh JVM rebuilds the block from here (with the width multiplier and class count
 * recorded in {@code model.json}) before loading them.
 */
public final class AnomalyNet {

    private static final int FIRST_HIDDEN_UNITS = 64;
    private static final int SECOND_HIDDEN_UNITS = 32;

    private AnomalyNet() {}

    /** An uninitialized block; {@code width} scales both hidden layers. */
    public static Block block(int width, int classes) {
        if (width < 1) {
            throw new IllegalArgumentException("width multiplier must be >= 1; got " + width);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2; got " + classes);
        }
        return new SequentialBlock()
                .add(Linear.builder().setUnits((long) FIRST_HIDDEN_UNITS * width).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits((long) SECOND_HIDDEN_UNITS * width).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

}
