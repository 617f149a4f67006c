package io.edgetwin.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * One model input, flattened (a vibration window, or an image row by row), with the label it was
 * generated under.
 *
 * <p>The array is copied in and out so a caller cannot change a sample after it was labelled.
 */
public record LabeledSample(String label, float[] values) {

    public LabeledSample {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(values, "values");
        if (label.isBlank()) {
            throw new IllegalArgumentException("sample label must not be blank");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("sample '" + label + "' has no values");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of values, without copying them. */
    public int length() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabeledSample that
                && label.equals(that.label)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LabeledSample[label=" + label + ", values=" + values.length + "]";
    }
}
