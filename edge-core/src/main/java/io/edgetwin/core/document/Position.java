package io.edgetwin.core.document;

/** A place in a document's text, both counted from 1. */
public record Position(int line, int column) {

    public static final Position START = new Position(1, 1);

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    /** The position of the character at {@code offset} in {@code text} (lines end at '\n'). */
    public static Position of(CharSequence text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, end - lineStart + 1);
    }

    /** {@code source:line:column}. */
    public String in(String source) {
        return source + ":" + line + ":" + column;
    }
}
