/**
 * Documents read from users' files and messages, bounded before they are trusted:
 * {@link io.edgetwin.core.document.DocumentFile} reads a regular file of at most
 * {@link io.edgetwin.core.document.DocumentLimits#maxBytes()} as strict UTF-8;
 * {@link io.edgetwin.core.document.Documents} turns YAML or JSON text into a plain tree (maps, lists,
 * text, numbers, booleans) with the position of every field, counting nesting depth and expanded nodes
 * (aliases included) as it goes. Every problem is a {@link io.edgetwin.core.document.DocumentException}
 * whose message starts with {@code source:line:column}.
 */
package io.edgetwin.core.document;
