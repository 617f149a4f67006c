package io.edgetwin.core.recipe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns recipe text into a plain tree (maps, lists, strings, numbers, booleans). A {@code .json} source
 * is read as JSON, anything else as YAML. Syntax errors name the file, line and column.
 */
final class RecipeDocument {

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private RecipeDocument() {
    }

    static RecipeNode parse(String source, String text) {
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        return RecipeNode.root(source, json ? json(source, text) : yaml(source, text));
    }

    private static Object json(String source, String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new RecipeException(where + ": not well-formed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object yaml(String source, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions unused = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(unused), unused, options, new DatesAsText());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw new RecipeException(at(source, e) + ": not well-formed YAML: " + problem(e), e);
        } catch (YAMLException e) {
            throw new RecipeException(source + ": not well-formed YAML: " + e.getMessage(), e);
        }
    }

    private static String at(String source, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** SnakeYAML's problem and context on one line, without its multi-line source snippet. */
    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem().replace("found '?'", "found a key")
                .replace("found '-'", "found a list entry");
        if (problem.startsWith("expected <block end>")) {
            problem += "; check the indentation";
        }
        if (e.getContext() == null) {
            return problem;
        }
        Mark context = e.getContextMark();
        return problem + " (" + e.getContext() + (context == null ? "" : " started at line " + (context.getLine() + 1)) + ")";
    }

    /**
     * YAML 1.1 would turn an unquoted {@code RecipeFormatVersion: 2020-01-25} into a date; recipes
     * mean the text, so timestamps stay strings.
     */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }
}
