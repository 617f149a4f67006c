package io.edgetwin.core.recipe;

import io.edgetwin.core.document.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm-style version range, as Greengrass {@code VersionRequirement}s are written: comparator sets
 * joined by {@code ||}, each set a space-separated list of comparators ({@code >=1.0.0 <2.0.0}),
 * with caret ({@code ^1.2.0}), tilde ({@code ~1.2.0}), x-ranges ({@code 1.x}, {@code *}), partial
 * versions ({@code 1.2}) and hyphen ranges ({@code 1.0.0 - 2.0.0}). As in npm, a prerelease version
 * satisfies a set only if a comparator of that set names a prerelease of the same major.minor.patch.
 */
public final class VersionRange {

    private static final Pattern PARTIAL = Pattern.compile(
            "v?(\\d+|[xX*])(?:\\.(\\d+|[xX*]))?(?:\\.(\\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)?(.*)", Pattern.DOTALL);
    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

    private final String text;
    private final List<List<Comparator>> sets;

    private VersionRange(String text, List<List<Comparator>> sets) {
        this.text = text;
        this.sets = sets;
    }

    /** @throws IllegalArgumentException naming the part that is not a version or comparator */
    public static VersionRange parse(String text) {
        List<List<Comparator>> sets = new ArrayList<>();
        for (String set : text.split("\\|\\|", -1)) {
            sets.add(parseSet(set.trim(), text));
        }
        return new VersionRange(text, List.copyOf(sets));
    }

    public boolean satisfiedBy(Semver version) {
        return sets.stream().anyMatch(set -> satisfies(set, version));
    }

    /** @throws IllegalArgumentException when {@code version} is not a semantic version */
    public boolean satisfiedBy(String version) {
        return satisfiedBy(Semver.parse(version));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The range as written. */
    @Override
    public String toString() {
        return text;
    }

    private static boolean satisfies(List<Comparator> set, Semver version) {
        if (!set.stream().allMatch(c -> c.test(version))) {
            return false;
        }
        return !version.isPrerelease()
                || set.stream().anyMatch(c -> c.version.isPrerelease() && c.version.sameRelease(version));
    }

    private static List<Comparator> parseSet(String set, String whole) {
        if (set.isEmpty()) {
            return List.of(Comparator.ANY);
        }
        Matcher hyphen = HYPHEN.matcher(set);
        if (hyphen.matches()) {
            Partial from = Partial.parse(hyphen.group(1), whole);
            Partial to = Partial.parse(hyphen.group(2), whole);
            List<Comparator> out = new ArrayList<>(from.atLeast());
            out.addAll(to.atMost());
            return out;
        }
        List<Comparator> out = new ArrayList<>();
        // npm allows a space between an operator and its version: ">= 1.2.3".
        for (String token : set.replaceAll("(<=|>=|<|>|=|~>|~|\\^)\\s+", "$1").split("\\s+")) {
            Matcher m = COMPARATOR.matcher(token);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + Excerpt.of(token) + "' in '" + Excerpt.of(whole)
                        + "' is not a comparator; expected an operator and a version such as '>=1.0.0'");
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            out.addAll(Partial.parse(m.group(2), whole).desugar(op));
        }
        return out;
    }

    private enum Op { LT, LE, GT, GE, EQ }

    private record Comparator(Op op, Semver version) {
        static final Comparator ANY = new Comparator(Op.GE, Semver.of(0, 0, 0));
        static final Comparator NONE = new Comparator(Op.LT, new Semver(0, 0, 0, List.of("0"), ""));

        boolean test(Semver v) {
            int c = v.compareTo(version);
            return switch (op) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case EQ -> c == 0;
            };
        }
    }

    /** A version with possibly wildcard or missing parts (null): {@code 1}, {@code 1.x}, {@code 1.2.3-rc.1}. */
    private record Partial(Long major, Long minor, Long patch, List<String> prerelease) {

        static Partial parse(String text, String whole) {
            Matcher m = PARTIAL.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + Excerpt.of(text) + "' in '" + Excerpt.of(whole) + "' is not a version; expected an"
                        + " npm-style range such as '>=1.0.0 <2.0.0', '^1.2.0', '~1.2.0', '1.x' or '*'");
            }
            try {
                Long major = number(m.group(1));
                Long minor = major == null ? null : number(m.group(2));
                Long patch = minor == null ? null : number(m.group(3));
                List<String> pre = patch == null || m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
                return new Partial(major, minor, patch, pre);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + Excerpt.of(text) + "' in '" + Excerpt.of(whole) + "' has a number too large", e);
            }
        }

        private static Long number(String part) {
            return part == null || part.equalsIgnoreCase("x") || part.equals("*") ? null : Long.parseLong(part);
        }

        List<Comparator> desugar(String op) {
            return switch (op) {
                case "=" -> exact();
                case ">" -> greater();
                case ">=" -> atLeast();
                case "<" -> less();
                case "<=" -> atMost();
                case "~", "~>" -> tilde();
                default -> caret();
            };
        }

        private List<Comparator> exact() {
            if (patch != null) {
                return List.of(new Comparator(Op.EQ, full()));
            }
            List<Comparator> range = new ArrayList<>(atLeast());
            range.addAll(atMost());
            return range;
        }

        private List<Comparator> greater() {
            if (major == null) {
                return List.of(Comparator.NONE);
            }
            if (patch != null) {
                return List.of(new Comparator(Op.GT, full()));
            }
            return List.of(new Comparator(Op.GE, minor == null ? Semver.of(major + 1, 0, 0) : Semver.of(major, minor + 1, 0)));
        }

        private List<Comparator> atLeast() {
            return major == null ? List.of(Comparator.ANY) : List.of(new Comparator(Op.GE, floor()));
        }

        private List<Comparator> less() {
            if (major == null) {
                return List.of(Comparator.NONE);
            }
            return List.of(new Comparator(Op.LT, patch != null ? full() : lowestPrerelease(floor())));
        }

        private List<Comparator> atMost() {
            if (major == null) {
                return List.of(Comparator.ANY);
            }
            if (patch != null) {
                return List.of(new Comparator(Op.LE, full()));
            }
            return List.of(below(minor == null ? Semver.of(major + 1, 0, 0) : Semver.of(major, minor + 1, 0)));
        }

        private List<Comparator> tilde() {
            if (major == null) {
                return List.of(Comparator.ANY);
            }
            Semver upper = minor == null ? Semver.of(major + 1, 0, 0) : Semver.of(major, minor + 1, 0);
            return List.of(new Comparator(Op.GE, floor()), below(upper));
        }

        /** Allows changes that do not modify the left-most non-zero part. */
        private List<Comparator> caret() {
            if (major == null) {
                return List.of(Comparator.ANY);
            }
            Semver upper;
            if (major > 0 || minor == null) {
                upper = Semver.of(major + 1, 0, 0);
            } else if (minor > 0 || patch == null) {
                upper = Semver.of(0, minor + 1, 0);
            } else {
                upper = Semver.of(0, 0, patch + 1);
            }
            return List.of(new Comparator(Op.GE, floor()), below(upper));
        }

        private Semver full() {
            return new Semver(major, minor, patch, prerelease, "");
        }

        private Semver floor() {
            return new Semver(major, minor == null ? 0 : minor, patch == null ? 0 : patch, prerelease, "");
        }

        /** {@code < X.Y.Z-0}: below X.Y.Z and all of its prereleases, as npm writes upper bounds. */
        private static Comparator below(Semver upper) {
            return new Comparator(Op.LT, lowestPrerelease(upper));
        }

        private static Semver lowestPrerelease(Semver v) {
            return new Semver(v.major(), v.minor(), v.patch(), List.of("0"), "");
        }
    }
}
