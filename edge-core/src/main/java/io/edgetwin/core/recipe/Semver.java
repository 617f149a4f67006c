package io.edgetwin.core.recipe;

import io.edgetwin.core.document.Excerpt;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0): {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}. Ordered by
 * precedence; build metadata is kept but does not order.
 */
public record Semver(long major, long minor, long patch, List<String> prerelease, String build)
        implements Comparable<Semver> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String IDENTIFIER = "(?:" + NUMBER + "|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final Pattern SEMVER = Pattern.compile("(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public Semver {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
        prerelease = List.copyOf(prerelease);
        build = Objects.requireNonNullElse(build, "");
    }

    /** The largest major, minor or patch number the nucleus accepts in a component version. */
    public static final long MAX_PART = 999_999;

    /** Whether major, minor and patch are each at most {@link #MAX_PART}. */
    public boolean withinNucleusRange() {
        return major <= MAX_PART && minor <= MAX_PART && patch <= MAX_PART;
    }

    public static Semver of(long major, long minor, long patch) {
        return new Semver(major, minor, patch, List.of(), "");
    }

    /** @throws IllegalArgumentException naming the text when it is not a semantic version */
    public static Semver parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + Excerpt.of(text) + "' is not a semantic version; expected MAJOR.MINOR.PATCH"
                    + " with an optional -prerelease and +build, e.g. 1.0.0 or 2.1.0-beta.1");
        }
        try {
            return new Semver(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4) == null ? List.of() : Arrays.asList(m.group(4).split("\\.")), m.group(5));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + Excerpt.of(text) + "' has a version number too large to compare", e);
        }
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Same major, minor and patch. */
    boolean sameRelease(Semver other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    @Override
    public int compareTo(Semver other) {
        int c = Long.compare(major, other.major);
        c = c != 0 ? c : Long.compare(minor, other.minor);
        c = c != 0 ? c : Long.compare(patch, other.patch);
        return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
    }

    /** A release outranks its prereleases; identifiers compare numerically when both are numbers. */
    private static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean numA = a.chars().allMatch(Character::isDigit);
        boolean numB = b.chars().allMatch(Character::isDigit);
        if (numA && numB) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return numA != numB ? (numA ? -1 : 1) : a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
