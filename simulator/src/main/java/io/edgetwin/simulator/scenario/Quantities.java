package io.edgetwin.simulator.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the quantities scenario files use: sizes ({@code 768m}), durations ({@code 30s}), rates ({@code 50/s}). */
final class Quantities {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|min)");

    private Quantities() {
    }

    /** Bytes from a Docker-style size; k, m and g are powers of 1024. */
    static long bytes(Node node) {
        return bytes(node, node.text());
    }

    private static long bytes(Node node, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw node.error("'" + node.text() + "' is not a size; expected a positive size such as 768m, 1g or 524288k");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long bytes = Math.round(value * factor);
        if (bytes <= 0) {
            throw node.error("'" + node.text() + "' is not a positive size; expected e.g. 768m");
        }
        return bytes;
    }

    static Duration duration(Node node) {
        Matcher m = DURATION.matcher(node.text().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw node.error("'" + node.text() + "' is not a duration; expected e.g. 500ms, 30s, 2m or 1h");
        }
        double value = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1_000;
            case "m", "min" -> value * 60_000;
            default -> value * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    static double perSecond(Node node) {
        Matcher m = RATE.matcher(node.text().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw node.error("'" + node.text() + "' is not a rate; expected e.g. 50/s or 600/min");
        }
        double value = Double.parseDouble(m.group(1));
        double rate = m.group(2).equals("s") ? value : value / 60;
        if (!(rate > 0)) {
            throw node.error("rate '" + node.text() + "' must be above zero");
        }
        return rate;
    }

    /** A percentage such as {@code 5%} (or {@code 5}), 0 to 100. */
    static double percent(Node node) {
        String text = node.text().trim();
        try {
            double value = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw node.error("'" + text + "' is not a percentage; expected 0% to 100%, e.g. 5%");
    }

    /** A bandwidth as a size per second, e.g. {@code 64k/s}. */
    static long bytesPerSecond(Node node) {
        String text = node.text().trim();
        if (!text.endsWith("/s")) {
            throw node.error("'" + text + "' is not a bandwidth; expected a size per second, e.g. 64k/s or 1m/s");
        }
        return bytes(node, text.substring(0, text.length() - 2));
    }

    static double positive(Node node) {
        double value = node.number();
        if (!(value > 0)) {
            throw node.error("'" + node.text() + "' must be a positive number");
        }
        return value;
    }
}
