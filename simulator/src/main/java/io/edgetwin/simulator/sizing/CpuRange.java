package io.edgetwin.simulator.sizing;

import java.math.BigDecimal;

/** The CPU caps a search may try, {@code --cpus LOW..HIGH}, in cores. */
public record CpuRange(double min, double max) {

    public CpuRange {
        if (!(min > 0) || !(max > min)) {
            throw new SizingException("--cpus " + label(min) + ".." + label(max)
                    + " is empty or inverted; expected LOW..HIGH with 0 < LOW < HIGH, e.g. 0.1..2");
        }
    }

    /** Parses {@code 0.1..2}. */
    public static CpuRange parse(String text) {
        String[] bounds = Ranges.bounds("--cpus", text, "0.1..2");
        return new CpuRange(cores(text, bounds[0]), cores(text, bounds[1]));
    }

    private static double cores(String range, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new SizingException("--cpus " + range + ": '" + value + "' is not a number; expected cores, e.g. 0.1..2");
        }
    }

    static String label(double cpus) {
        return new BigDecimal(Double.toString(cpus)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return label(min) + ".." + label(max);
    }
}
