package io.edgetwin.core.recipe;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code Skipif}: the step is skipped when a program is on the {@code PATH}
 * ({@code onpath git}) or when a file exists ({@code exists /opt/tool/bin/tool}).
 */
public sealed interface SkipIf {

    /** {@code onpath PROGRAM}. */
    record OnPath(String program) implements SkipIf {
        public OnPath {
            Objects.requireNonNull(program, "program");
        }
    }

    /** {@code exists FILE}. */
    record Exists(String file) implements SkipIf {
        public Exists {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The keyword matches without regard to case; empty when the text is neither form. */
    static Optional<SkipIf> parse(String text) {
        Matcher m = Pattern.compile("(?i)\\s*(onpath|exists)\\s+(\\S.*?)\\s*").matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).equalsIgnoreCase("onpath") ? new OnPath(m.group(2)) : new Exists(m.group(2)));
    }
}
