package io.edgetwin.core.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a JSON document's plain tree from Jackson's token stream, counting depth and nodes where they
 * are, refusing a key given twice and anything after the document. Jackson's messages are passed on
 * without its advice about parser features, its source excerpts or over-long tokens.
 */
final class JsonTree {

    private static final List<String> ADVICE = List.of("enable `", "enable JsonReadFeature", "`JsonReadFeature",
            "`StreamReadConstraints", "`StreamReadFeature", "`JsonParser.Feature", "JsonReadFeature.", "to allow");
    private static final int LONGEST_PATH = 1000;

    private final String source;
    private final DocumentLimits limits;
    private final JsonParser parser;
    private final Map<String, Position> positions = new HashMap<>();
    private int nodes;

    private JsonTree(String source, DocumentLimits limits, JsonParser parser) {
        this.source = source;
        this.limits = limits;
        this.parser = parser;
    }

    static Document parse(String source, String text, DocumentLimits limits) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 1).maxDocumentLength(limits.maxBytes() + 1L)
                .maxStringLength(limits.maxBytes() + 1).build()).build();
        try (JsonParser parser = factory.createParser(text)) {
            return new JsonTree(source, limits, parser).document();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? Position.START.in(source)
                    : new Position(at.getLineNr(), Math.max(1, at.getColumnNr())).in(source);
            throw new DocumentException(where + ": not well-formed JSON: " + problem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new DocumentException(Position.START.in(source) + ": cannot read JSON: " + Excerpt.of(String.valueOf(e.getMessage())));
        }
    }

    private Document document() throws IOException {
        if (parser.nextToken() == null) {
            return new Document(source, null, positions);
        }
        Object root = value("", 1);
        if (parser.nextToken() != null) {
            throw error("not well-formed JSON: more after the end of the document; expected one JSON value");
        }
        return new Document(source, root, positions);
    }

    private Object value(String path, int depth) throws IOException {
        if (path.length() <= LONGEST_PATH) {
            positions.putIfAbsent(Document.lower(path), here());
        }
        if (++nodes > limits.maxNodes()) {
            throw error("holds more than " + limits.maxNodes() + " values; expected at most " + limits.maxNodes());
        }
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > limits.maxDepth()) {
            throw error("nests objects and arrays more than " + limits.maxDepth() + " deep; expected at most "
                    + limits.maxDepth() + " levels");
        }
        return switch (token) {
            case START_OBJECT -> object(path, depth);
            case START_ARRAY -> array(path, depth);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw error("holds an unexpected " + token + "; expected a JSON value");
        };
    }

    private Map<String, Object> object(String path, int depth) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (map.containsKey(key)) {
                throw error("not well-formed JSON: found duplicate key '" + Excerpt.of(key) + "'");
            }
            parser.nextToken();
            String child = path.length() > LONGEST_PATH ? path : path.isEmpty() ? key : path + "." + key;
            map.put(key, value(child, depth + 1));
        }
        return map;
    }

    private List<Object> array(String path, int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(path.length() > LONGEST_PATH ? path : path + "[" + list.size() + "]", depth + 1));
        }
        return list;
    }

    private Position here() {
        JsonLocation at = parser.currentTokenLocation();
        return at.getLineNr() < 1 ? Position.START : new Position(at.getLineNr(), Math.max(1, at.getColumnNr()));
    }

    private DocumentException error(String problem) {
        return new DocumentException(here().in(source) + ": " + problem);
    }

    /** Jackson's problem without its advice, its "[Source: ...]" excerpts and over-long tokens. */
    static String problem(String message) {
        String problem = String.valueOf(message).replaceAll("(?s)\\[Source: .*?; line: (\\d+), column: (\\d+)\\]",
                "line $1, column $2");
        int advice = ADVICE.stream().mapToInt(problem::indexOf).filter(i -> i >= 0).min().orElse(-1);
        if (advice >= 0) {
            int cut = Math.max(Math.max(problem.lastIndexOf(": ", advice), problem.lastIndexOf("; ", advice)),
                    problem.lastIndexOf(" (", advice));
            problem = problem.substring(0, cut > 0 ? cut : advice).trim();
        }
        return Excerpt.of(problem.replace('\n', ' '), 200);
    }
}
