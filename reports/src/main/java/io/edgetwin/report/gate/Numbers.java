package io.edgetwin.report.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as messages show them: at most 4 decimals, no trailing zeros, no exponent. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
