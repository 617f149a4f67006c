package io.edgetwin.simulator.sizing;

/** Splits a {@code LOW..HIGH} option value into its two bounds. */
final class Ranges {

    private Ranges() {
    }

    static String[] bounds(String option, String text, String example) {
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new SizingException(option + " '" + text + "' is not a range; expected LOW..HIGH, e.g. " + example);
        }
        return parts;
    }
}
