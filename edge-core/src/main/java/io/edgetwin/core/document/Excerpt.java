package io.edgetwin.core.document;

/**
 * A value as messages quote it: at most 80 characters, the rest replaced by how long it was, and line
 * breaks shown as escapes, so a 1 MB value makes a one-line error, not a 2 MB one.
 */
public final class Excerpt {

    static final int MAX_CHARS = 80;

    private Excerpt() {
    }

    public static String of(String value) {
        return of(value, MAX_CHARS);
    }

    /** At most {@code maxChars} characters of {@code value}, then its length. */
    public static String of(String value, int maxChars) {
        String shown = value.length() > maxChars ? value.substring(0, maxChars) : value;
        StringBuilder out = new StringBuilder(shown.length() + 16);
        shown.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.length() > maxChars ? out + "…(" + value.length() + " chars)" : out.toString();
    }
}
