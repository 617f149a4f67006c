package io.edgetwin.inference.model;

import java.util.List;
import java.util.Objects;

/**
 * One input of a model, without the batch dimension.
 *
 * @param name the graph's input name (ONNX), or null for the model's only input
 * @param shape the shape of one input, e.g. {@code [128]} or {@code [1, 64, 64]}; requests carry it
 *     flattened in row-major order
 * @param dtype the element type the network takes; {@code float32} is the only one served
 */
public record InputSpec(String name, List<Integer> shape, String dtype) {

    public static final String FLOAT32 = "float32";

    public InputSpec {
        shape = List.copyOf(Objects.requireNonNull(shape, "shape"));
        Objects.requireNonNull(dtype, "dtype");
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("input shape must be one or more positive sizes; got " + shape);
        }
        if (!dtype.equals(FLOAT32)) {
            throw new IllegalArgumentException("input dtype '" + dtype + "' is not served; expected " + FLOAT32);
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("input name must not be blank when given");
        }
    }

    /** A float input of {@code shape} with no name. */
    public static InputSpec of(List<Integer> shape) {
        return new InputSpec(null, shape, FLOAT32);
    }

    /** The number of values in one flattened input: the product of {@link #shape}. */
    public int length() {
        return shape.stream().mapToInt(Integer::intValue).reduce(1, Math::multiplyExact);
    }
}
