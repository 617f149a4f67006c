package io.edgetwin.core.document;

/**
 * A document that cannot be read: too large, not UTF-8, not a regular file, not well-formed, too deep or
 * too many nodes. The message starts with {@code source:line:column} wherever the problem has a place.
 */
public final class DocumentException extends RuntimeException {

    public DocumentException(String message) {
        super(message);
    }
}
