package io.edgetwin.simulator.load;

import java.util.Objects;

/** One request input with the label a correct model answers, pre-encoded as the JSON of its {@code input} array. */
public record Sample(String label, String inputJson) {

    public Sample {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(inputJson, "inputJson");
    }
}
