package io.edgetwin.core.recipe;

import io.edgetwin.core.document.Document;
import io.edgetwin.core.document.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One place in a recipe tree (maps, lists, scalars as the YAML or JSON parser made them) together with
 * its field path, so every error can say which file, line and column, which field and what was expected
 * (the position is the field's, or its parent's when the field is missing). Recipe keys are
 * looked up without regard to case; a map holding the same key twice in different cases is refused.
 */
final class RecipeNode {

    private final Document document;
    private final String path;
    private final Object value;
    private final boolean present;

    private RecipeNode(Document document, String path, Object value, boolean present) {
        this.document = document;
        this.path = path;
        this.value = value;
        this.present = present;
    }

    static RecipeNode root(Document document) {
        return new RecipeNode(document, "", document.root(), true);
    }

    String source() {
        return document.source();
    }

    String path() {
        return path.isEmpty() ? "recipe" : path;
    }

    Object raw() {
        return value;
    }

    /** Absent, or present with no value ({@code key:} in YAML, {@code null} in JSON). */
    boolean isMissing() {
        return value == null;
    }

    /** The key is not there at all. */
    boolean isAbsent() {
        return !present;
    }

    /** The key is there without a value. */
    boolean isNull() {
        return present && value == null;
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    boolean isText() {
        return value instanceof String;
    }

    /** This node if it is a mapping; otherwise an error saying what was {@code expected}. */
    RecipeNode asMap(String expected) {
        map(expected);
        return this;
    }

    /** The field {@code name} of this map, matched without regard to case; absent when there is none. */
    RecipeNode field(String name) {
        Map<?, ?> map = map("a mapping");
        Map.Entry<?, ?> found = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
                if (found != null) {
                    throw error("has both '" + found.getKey() + "' and '" + entry.getKey()
                            + "'; keys are case-insensitive, so only one may be given");
                }
                found = entry;
            }
        }
        return found == null ? new RecipeNode(document, child(name), null, false)
                : new RecipeNode(document, child(name), found.getValue(), true);
    }

    /** The entries of this map with their keys as written, in document order. */
    Map<String, RecipeNode> entries(String expected) {
        Map<String, RecipeNode> entries = new LinkedHashMap<>();
        map(expected).forEach((k, v) ->
                entries.put(String.valueOf(k), new RecipeNode(document, child(String.valueOf(k)), v, true)));
        return entries;
    }

    /** The elements of this list; a null element is an error naming its index. */
    List<RecipeNode> elements(String expectedList, String expectedElement) {
        if (!isList()) {
            throw expected(expectedList);
        }
        List<RecipeNode> elements = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            RecipeNode element = new RecipeNode(document, path + "[" + i + "]", list.get(i), true);
            if (element.isMissing()) {
                throw element.expected(expectedElement + " (an empty list entry is not allowed)");
            }
            elements.add(element);
        }
        return elements;
    }

    String text(String expected) {
        if (!isText()) {
            throw expected(expected);
        }
        return (String) value;
    }

    Optional<String> optionalText(String expected) {
        return isMissing() ? Optional.empty() : Optional.of(text(expected));
    }

    /** Keys of this map that are not among {@code known} (compared without case), as field paths. */
    List<String> unknownKeys(List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Object key : ((Map<?, ?>) value).keySet()) {
            if (known.stream().noneMatch(k -> k.equalsIgnoreCase(String.valueOf(key)))) {
                unknown.add(child(String.valueOf(key)));
            }
        }
        return unknown;
    }

    /** "FILE: PATH is ACTUAL; expected EXPECTED". */
    RecipeException expected(String expected) {
        return error("is " + describe() + "; expected " + expected);
    }

    /** {@code file:line:column: PATH} of any path in this node's document (or of its nearest ancestor there). */
    String place(String anyPath) {
        return document.where(anyPath) + ": " + Excerpt.of(anyPath, 200);
    }

    RecipeException error(String detail) {
        return new RecipeException(document.where(path) + ": " + Excerpt.of(path(), 200) + " "
                + Excerpt.of(detail, 1000));
    }

    String describe() {
        if (!present) {
            return "missing";
        }
        if (value == null) {
            return "empty (null)";
        }
        if (value instanceof String s) {
            return "'" + Excerpt.of(s) + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "the " + (value instanceof Boolean ? "boolean " : value instanceof Number ? "number " : "value ")
                + Excerpt.of(String.valueOf(value));
    }

    private Map<?, ?> map(String expected) {
        if (!isMap()) {
            throw expected(expected);
        }
        return (Map<?, ?>) value;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
