package io.edgetwin.core.recipe;

import io.edgetwin.core.document.DocumentException;
import io.edgetwin.core.document.DocumentLimits;
import io.edgetwin.core.document.Documents;
import java.nio.file.Path;

/**
 * Turns a recipe file or text into a {@link RecipeNode} tree through the bounded document readers: a
 * {@code .json} source is read as JSON, anything else as YAML, within {@link DocumentLimits#DEFAULT}.
 * Every problem is a {@link RecipeException} starting with {@code file:line:column}.
 */
final class RecipeDocument {

    private RecipeDocument() {
    }

    static RecipeNode read(Path file) {
        try {
            return RecipeNode.root(Documents.read(file, "recipe", DocumentLimits.DEFAULT));
        } catch (DocumentException e) {
            throw new RecipeException(e.getMessage(), e);
        }
    }

    static RecipeNode parse(String source, String text) {
        try {
            return RecipeNode.root(Documents.parse(source, text, DocumentLimits.DEFAULT));
        } catch (DocumentException e) {
            throw new RecipeException(e.getMessage(), e);
        }
    }
}
