package io.edgetwin.simulator.sizing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The memory caps a search may try, {@code --memory LOW..HIGH}, in KB; sizes take k, m, g (powers of 1024). */
public record MemoryRange(long minKb, long maxKb) {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)(k|kb|m|mb|g|gb)");

    public MemoryRange {
        if (minKb <= 0 || maxKb <= minKb) {
            throw new SizingException("--memory " + label(minKb) + ".." + label(maxKb)
                    + " is empty or inverted; expected LOW..HIGH with LOW below HIGH, e.g. 64m..1g");
        }
    }

    /** Parses {@code 64m..1g}. */
    public static MemoryRange parse(String text) {
        String[] bounds = Ranges.bounds("--memory", text, "64m..1g");
        return new MemoryRange(kb("--memory " + text, bounds[0]), kb("--memory " + text, bounds[1]));
    }

    /** KB from a size such as {@code 16m}; {@code option} says where it came from in an error. */
    static long kb(String option, String size) {
        Matcher m = SIZE.matcher(size.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SizingException(option + ": '" + size + "' is not a size; expected a number with k, m or g, e.g. 64m");
        }
        long factor = switch (m.group(2).charAt(0)) {
            case 'k' -> 1L;
            case 'm' -> 1024L;
            default -> 1024L * 1024;
        };
        long kb = Math.round(Double.parseDouble(m.group(1)) * factor);
        if (kb <= 0) {
            throw new SizingException(option + ": '" + size + "' is not positive; expected e.g. 64m");
        }
        return kb;
    }

    public static String label(long kb) {
        if (kb > 0 && kb % (1024L * 1024) == 0) {
            return kb / (1024L * 1024) + "g";
        }
        return kb % 1024 == 0 ? kb / 1024 + "m" : kb + "k";
    }

    @Override
    public String toString() {
        return label(minKb) + ".." + label(maxKb);
    }
}
