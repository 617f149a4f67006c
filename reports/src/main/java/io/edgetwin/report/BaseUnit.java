package io.edgetwin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

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

    /**
     * A value of this unit as people read it: {@code 61.25 ms}, {@code 0.2 %} for a fraction,
     * {@code 700 MiB} for bytes, {@code none} for no value.
     */
    public String format(Double value) {
        if (value == null) {
            return "none";
        }
        return switch (this) {
            case MILLISECONDS -> decimal(value, 3) + " ms";
            case FRACTION -> decimal(value * 100, 3) + " %";
            case COUNT -> decimal(value, 0);
            case PER_SECOND -> decimal(value, 2) + " /s";
            case BYTES -> decimal(value / (1024.0 * 1024.0), 1) + " MiB";
        };
    }

    private static String decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The symbol; report.json reads and writes units by it. */
    @Override
    public String toString() {
        return symbol;
    }
}
