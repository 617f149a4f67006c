package io.edgetwin.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * One window of accelerometer samples with the label it was generated under.
 *
 * <p>The array is copied in and out so a caller cannot change a window after it was labelled.
 */
public record LabeledWindow(String label, float[] samples) {

    public LabeledWindow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(samples, "samples");
        if (label.isBlank()) {
            throw new IllegalArgumentException("window label must not be blank");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("window '" + label + "' has no samples");
        }
        samples = samples.clone();
    }

    @Override
    public float[] samples() {
        return samples.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabeledWindow that
                && label.equals(that.label)
                && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "LabeledWindow[label=" + label + ", samples=" + samples.length + "]";
    }
}
