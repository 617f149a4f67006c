package io.edgetwin.simulator.measure;

import java.util.List;

/** Whether a variant's run counts (LoadGen-style), and if not, every reason why. */
public record Validity(boolean valid, List<String> reasons) {

    public Validity {
        reasons = List.copyOf(reasons);
        if (valid != reasons.isEmpty()) {
            throw new IllegalArgumentException("valid is " + valid + " with reasons " + reasons);
        }
    }

    public static Validity of(List<String> reasons) {
        return new Validity(reasons.isEmpty(), reasons);
    }
}
