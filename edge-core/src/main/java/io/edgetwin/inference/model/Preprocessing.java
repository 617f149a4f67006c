package io.edgetwin.inference.model;

import java.util.List;
import java.util.Objects;

/**
 * What is done to each value before the network sees it: {@code (x * scale - mean[c]) / std[c]}, where
 * {@code c} is the value's channel (the first dimension of the input shape) when {@code mean} and
 * {@code std} list one number per channel, or the same number for every value when they list one.
 *
 * @param scale multiplies every value first (e.g. {@code 1/255} for 8-bit pixels)
 * @param mean subtracted after scaling: one number, or one per channel
 * @param std divides last: one number, or one per channel; all &gt; 0
 */
public record Preprocessing(double scale, List<Double> mean, List<Double> std) {

    /** Leaves every value as it is. */
    public static final Preprocessing NONE = new Preprocessing(1.0, List.of(0.0), List.of(1.0));

    public Preprocessing {
        mean = List.copyOf(Objects.requireNonNull(mean, "mean"));
        std = List.copyOf(Objects.requireNonNull(std, "std"));
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("preprocess.scale must be a finite number other than 0; got " + scale);
        }
        if (mean.isEmpty() || std.isEmpty()) {
            throw new IllegalArgumentException("preprocess.mean and preprocess.std need at least one number");
        }
        if (std.stream().anyMatch(s -> !(s > 0) || !Double.isFinite(s))) {
            throw new IllegalArgumentException("preprocess.std must be finite numbers > 0; got " + std);
        }
    }

    /** Whether this leaves every value as it is. */
    public boolean isIdentity() {
        return equals(NONE);
    }

    /**
     * Refuses per-channel lists that do not have one number per channel of {@code input}.
     *
     * @throws IllegalArgumentException naming the channel count expected
     */
    public void checkFits(InputSpec input) {
        int channels = input.shape().get(0);
        for (var entry : List.of(List.of("mean", mean), List.of("std", std))) {
            int size = ((List<?>) entry.get(1)).size();
            if (size != 1 && size != channels) {
                throw new IllegalArgumentException("preprocess." + entry.get(0) + " lists " + size
                        + " numbers; expected 1 or one per channel (" + channels + ", the first size of input.shape "
                        + input.shape() + ")");
            }
        }
    }

    /** The preprocessed copy of one flat input of {@code input}'s shape. */
    public float[] apply(float[] values, InputSpec input) {
        if (isIdentity()) {
            return values;
        }
        int perChannel = values.length / input.shape().get(0);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int channel = i / perChannel;
            double m = mean.size() == 1 ? mean.get(0) : mean.get(channel);
            double s = std.size() == 1 ? std.get(0) : std.get(channel);
            out[i] = (float) ((values[i] * scale - m) / s);
        }
        return out;
    }
}
