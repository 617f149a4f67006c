package io.edgetwin.core.document;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The one way documents from users are read: {@link #read} a file (regular, bounded, UTF-8), then
 * {@link #parse} its text as YAML, or as JSON when the source ends in {@code .json}. The same limits
 * and the same {@code source:line:column: problem} messages for recipes and deployments.
 */
public final class Documents {

    private Documents() {
    }

    /** The file's tree; {@code what} names the kind of document in messages ("recipe"). */
    public static Document read(Path file, String what, DocumentLimits limits) {
        return parse(file.toString(), DocumentFile.read(file, what, limits), limits);
    }

    /** JSON when {@code source} ends in {@code .json}, YAML otherwise. */
    public static Document parse(String source, String text, DocumentLimits limits) {
        return source.toLowerCase(Locale.ROOT).endsWith(".json") ? json(source, text, limits) : yaml(source, text, limits);
    }

    public static Document yaml(String source, String text, DocumentLimits limits) {
        checkLength(source, text, limits);
        return YamlTree.parse(source, text, limits);
    }

    public static Document json(String source, String text, DocumentLimits limits) {
        checkLength(source, text, limits);
        return JsonTree.parse(source, text, limits);
    }

    /** Text handed over directly is held to the same size as a file (one char is at least one byte). */
    private static void checkLength(String source, String text, DocumentLimits limits) {
        if (text.length() > limits.maxBytes()) {
            throw new DocumentException(Position.of(text, limits.maxBytes()).in(source) + ": the document is larger"
                    + " than " + limits.maxBytes() + " bytes, the most it may be; it reaches the limit here");
        }
    }
}
