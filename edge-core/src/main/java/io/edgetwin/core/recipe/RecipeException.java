package io.edgetwin.core.recipe;

/** A recipe that cannot be read or used; the message names the file and the field. */
public final class RecipeException extends RuntimeException {

    public RecipeException(String message) {
        super(message);
    }

    public RecipeException(String message, Throwable cause) {
        super(message, cause);
    }
}
