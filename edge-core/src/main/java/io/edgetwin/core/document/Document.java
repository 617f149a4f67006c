package io.edgetwin.core.document;

import java.util.Locale;
import java.util.Map;

/**
 * A document's plain tree (maps with keys in document order, lists, text, numbers, booleans, null) and
 * where each field is. Paths are written {@code a.b[0].c} and matched without regard to case, so a
 * reader that looks keys up case-insensitively finds the position of the key as written. A path the
 * table does not hold (a missing field, a part of an aliased subtree) takes its nearest parent's place.
 * An alias's target is shared, not copied: the same map may appear under several paths.
 */
public record Document(String source, Object root, Map<String, Position> positions) {

    public Document {
        positions = Map.copyOf(positions);
    }

    /** Where {@code path} is, or its nearest ancestor with a position, or the start of the document. */
    public Position at(String path) {
        String p = lower(path);
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
            p = parent(p);
        }
    }

    /** {@code source:line:column} of {@code path}. */
    public String where(String path) {
        return at(path).in(source);
    }

    static String lower(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
