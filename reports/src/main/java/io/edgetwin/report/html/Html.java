package io.edgetwin.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Escaping and number display for the HTML page and its SVG. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** At most {@code decimals} decimals, no trailing zeros: 12.5, 3, 0.25. */
    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String mib(double bytes) {
        return number(bytes / (1024.0 * 1024.0), 1) + " MiB";
    }
}
