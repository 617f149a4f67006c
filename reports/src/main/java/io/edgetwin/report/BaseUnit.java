package io.edgetwin.report;

/**
 * The unit a threshold's actual value is stated in: every metric is converted to one of these
 * before it is compared, whatever unit its expression was written in. Written to JSON by its
 * symbol ({@code ms}, {@code fraction}, ...).
 */
public enum BaseUnit {
    MILLISECONDS("ms"),
    /** A ratio between 0 and 1 (0.01 is 1 %). */
    FRACTION("fraction"),
    COUNT("count"),
    PER_SECOND("/s"),
    BYTES("bytes");

    private final String symbol;

    BaseUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The symbol; report.json reads and writes units by it. */
    @Override
    public String toString() {
        return symbol;
    }
}
