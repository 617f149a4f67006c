package io.edgetwin.report.gate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The confidence a comparison threshold demands, written after it:
 * {@code latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence}. Such a threshold holds when
 * the one-sided bound of the bootstrap interval of the ratio (docs/report.md, "Repeats and
 * confidence") is on the right side of the factor: for {@code <}, the ratio's upper 95 % bound is below
 * 0.5. Only the levels the report keeps bounds for are accepted.
 *
 * @param percent 90, 95 or 99
 */
public record Confidence(int percent) {

    /** The levels report.json keeps one-sided bounds for. */
    public static final int[] LEVELS = {90, 95, 99};
    private static final Pattern SUFFIX = Pattern.compile("(?i)^(.*\\S)\\s+with\\s+(\\d+(?:\\.\\d+)?)\\s*%\\s*confidence\\s*$");

    public Confidence {
        boolean known = false;
        for (int level : LEVELS) {
            known |= level == percent;
        }
        if (!known) {
            throw new IllegalArgumentException("confidence " + percent + "%; expected 90%, 95% or 99%");
        }
    }

    /** The threshold without its suffix and the confidence, when {@code expr} ends in {@code with N% confidence}. */
    static Optional<Split> split(String expr) {
        Matcher m = SUFFIX.matcher(expr);
        if (!m.matches()) {
            return Optional.empty();
        }
        double percent = Double.parseDouble(m.group(2));
        if (percent != Math.rint(percent)) {
            throw new ThresholdException("threshold '" + expr + "': confidence " + m.group(2) + "%; expected 90%, 95% or 99%");
        }
        try {
            return Optional.of(new Split(m.group(1), new Confidence((int) percent)));
        } catch (IllegalArgumentException e) {
            throw new ThresholdException("threshold '" + expr + "': " + e.getMessage());
        }
    }

    /** A threshold's text before {@code with N% confidence}, and the confidence. */
    record Split(String threshold, Confidence confidence) {
    }

    /** The key of this level in report.json's {@code upper} and {@code lower} bounds. */
    public String key() {
        return Integer.toString(percent);
    }
}
