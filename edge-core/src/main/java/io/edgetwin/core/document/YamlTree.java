package io.edgetwin.core.document;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds a YAML document's plain tree from SnakeYAML's parser events, never from its composer or
 * constructor, so every limit is checked where the text is: depth at the collection that is too deep,
 * expanded nodes at the alias that exceeds the count (an alias costs as many nodes as its anchor holds,
 * each time it is used), a recursive alias at the alias. Explicit tags are checked: {@code !!str},
 * {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}, {@code !!map} and {@code !!seq} when the
 * value fits them; any other tag is refused. Timestamps stay text (a recipe's {@code 2020-01-25} is a
 * format name), {@code <<} is a plain key (as in the nucleus's YAML reader), keys must be scalars and
 * appear once.
 */
final class YamlTree {

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
    private static final int LONGEST_PATH = 1000;

    private final String source;
    private final DocumentLimits limits;
    private final Iterator<Event> events;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Map<String, Position> positions = new HashMap<>();
    private final Resolver resolver = new DatesAsText();
    private final SafeConstructor constructor = new SafeConstructor(new LoaderOptions());
    private int nodes;
    private Mark last;

    private record Anchored(Object value, int nodes) {
    }

    private YamlTree(String source, DocumentLimits limits, Iterator<Event> events) {
        this.source = source;
        this.limits = limits;
        this.events = events;
    }

    static Document parse(String source, String text, DocumentLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(text.length() + 1, 1024));
        YamlTree tree = new YamlTree(source, limits, new Yaml(options).parse(new StringReader(text)).iterator());
        try {
            return tree.document();
        } catch (MarkedYAMLException e) {
            throw new DocumentException(at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), tree)
                    + ": not well-formed YAML: " + problem(e));
        } catch (ReaderException e) {
            throw new DocumentException(Position.of(text, e.getPosition()).in(source) + ": not well-formed YAML: "
                    + String.format("the character U+%04X is not allowed in YAML", e.getCodePoint())
                    + "; expected printable text");
        } catch (YAMLException e) {
            throw new DocumentException(at(null, tree) + ": not well-formed YAML: " + Excerpt.of(firstLine(e)));
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner parses the hex digits of an escape with Integer.parseInt and lets it fail
            throw new DocumentException(at(null, tree) + ": not well-formed YAML: an escape sequence (\\x, \\u or \\U)"
                    + " without its hexadecimal digits; expected e.g. \\u00e9 in a double-quoted string");
        }
    }

    private Document document() {
        next();
        Event event = next();
        if (event.is(Event.ID.StreamEnd)) {
            return new Document(source, null, positions);
        }
        Object root = value(next(), "", 1);
        next();
        Event after = next();
        if (after.is(Event.ID.DocumentStart)) {
            throw error(after.getStartMark(), "holds a second YAML document (a second '---'); expected one document");
        }
        return new Document(source, root, positions);
    }

    private Event next() {
        Event event = events.next();
        last = event.getStartMark();
        return event;
    }

    private Object value(Event event, String path, int depth) {
        if (path.length() <= LONGEST_PATH) {
            positions.putIfAbsent(Document.lower(path), position(event.getStartMark()));
        }
        if (event instanceof AliasEvent alias) {
            return alias(alias);
        }
        if (event instanceof ScalarEvent scalar) {
            count(event, 1);
            return anchored(scalar, scalar(scalar), nodes - 1);
        }
        if (!(event instanceof CollectionStartEvent collection)) {
            throw error(event.getStartMark(), "holds an unexpected " + event.getEventId() + "; expected a value");
        }
        if (depth > limits.maxDepth()) {
            throw error(event.getStartMark(), "nests mappings and lists more than " + limits.maxDepth()
                    + " deep; expected at most " + limits.maxDepth() + " levels");
        }
        int before = nodes;
        count(event, 1);
        boolean mapping = event.is(Event.ID.MappingStart);
        checkTag(collection, mapping ? Tag.MAP : Tag.SEQ, mapping ? "mapping" : "list");
        if (collection.getAnchor() != null) {
            open.add(collection.getAnchor());
        }
        Object value = mapping ? mapping(path, depth) : sequence(path, depth);
        if (collection.getAnchor() != null) {
            open.remove(collection.getAnchor());
        }
        return anchored(collection, value, before);
    }

    private Object anchored(NodeEvent event, Object value, int before) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), new Anchored(value, nodes - before));
        }
        return value;
    }

    private Map<Object, Object> mapping(String path, int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Event event = next(); !event.is(Event.ID.MappingEnd); event = next()) {
            Object key = key(event, depth);
            if (map.containsKey(key)) {
                throw error(event.getStartMark(), "found duplicate key " + Excerpt.of(String.valueOf(key)));
            }
            String child = path.length() > LONGEST_PATH ? path : path.isEmpty() ? String.valueOf(key) : path + "." + key;
            map.put(key, value(next(), child, depth + 1));
        }
        return map;
    }

    private List<Object> sequence(String path, int depth) {
        List<Object> list = new ArrayList<>();
        for (Event event = next(); !event.is(Event.ID.SequenceEnd); event = next()) {
            list.add(value(event, path.length() > LONGEST_PATH ? path : path + "[" + list.size() + "]", depth + 1));
        }
        return list;
    }

    private Object key(Event event, int depth) {
        if (event instanceof ScalarEvent || event instanceof AliasEvent) {
            Object key = value(event, "", depth + 1);
            if (!(key instanceof Map<?, ?> || key instanceof List<?>)) {
                return key;
            }
        }
        throw error(event.getStartMark(), "has a key that is a mapping or list; expected keys that are text");
    }

    private Object alias(AliasEvent alias) {
        String anchor = alias.getAnchor();
        if (open.contains(anchor)) {
            throw error(alias.getStartMark(), "*" + Excerpt.of(anchor) + " refers to the mapping or list it is inside"
                    + " (a recursive alias); expected a tree without cycles");
        }
        Anchored target = anchors.get(anchor);
        if (target == null) {
            throw error(alias.getStartMark(), "*" + Excerpt.of(anchor) + " refers to no anchor; expected &"
                    + Excerpt.of(anchor) + " before it");
        }
        count(alias, target.nodes());
        return target.value();
    }

    private void count(Event event, int more) {
        nodes += more;
        if (nodes > limits.maxNodes()) {
            throw error(event.getStartMark(), "expands to more than " + limits.maxNodes() + " nodes (an alias counts"
                    + " every node of its anchor each time it is used); expected at most " + limits.maxNodes());
        }
    }

    private Object scalar(ScalarEvent event) {
        String value = event.getValue();
        Tag tag;
        if (event.getTag() == null) {
            tag = resolver.resolve(NodeId.scalar, value, event.getImplicit().canOmitTagInPlainScalar());
        } else if (event.getTag().equals("!")) {
            tag = Tag.STR;
        } else {
            tag = explicit(event, new Tag(event.getTag()), value);
        }
        ScalarNode node = new ScalarNode(tag, value, event.getStartMark(), event.getEndMark(), event.getScalarStyle());
        try {
            if (tag.equals(Tag.INT)) {
                return constructor.new ConstructYamlInt().construct(node);
            }
            if (tag.equals(Tag.FLOAT)) {
                return constructor.new ConstructYamlFloat().construct(node);
            }
            if (tag.equals(Tag.BOOL)) {
                return constructor.new ConstructYamlBool().construct(node);
            }
            return tag.equals(Tag.NULL) ? null : value;
        } catch (RuntimeException e) {
            throw error(event.getStartMark(), "'" + Excerpt.of(value) + "' is not a valid " + shortTag(tag.getValue()));
        }
    }

    private Tag explicit(ScalarEvent event, Tag tag, String value) {
        if (tag.equals(Tag.STR)) {
            return tag;
        }
        if (!SCALAR_TAGS.contains(tag)) {
            throw unsupported(event, event.getTag());
        }
        Tag fits = resolver.resolve(NodeId.scalar, value, true);
        if (fits.equals(tag) || tag.equals(Tag.FLOAT) && fits.equals(Tag.INT)) {
            return tag;
        }
        throw error(event.getStartMark(), "'" + Excerpt.of(value) + "' is tagged " + shortTag(event.getTag())
                + " but is not one; expected a value that fits its tag, or no tag");
    }

    private void checkTag(CollectionStartEvent event, Tag expected, String kind) {
        String tag = event.getTag();
        if (tag == null || tag.equals("!") || tag.equals(expected.getValue())) {
            return;
        }
        if (tag.equals(Tag.MAP.getValue()) || tag.equals(Tag.SEQ.getValue())) {
            throw error(event.getStartMark(), "is a " + kind + " tagged " + shortTag(tag) + "; expected a value that fits"
                    + " its tag, or no tag");
        }
        throw unsupported(event, tag);
    }

    private DocumentException unsupported(NodeEvent event, String tag) {
        return error(event.getStartMark(), "has the YAML tag " + shortTag(tag) + "; expected text, numbers, true/false,"
                + " mappings and lists without tags (or !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)");
    }

    private static String shortTag(String tag) {
        return Excerpt.of(tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag);
    }

    private DocumentException error(Mark mark, String problem) {
        return new DocumentException(position(mark).in(source) + ": " + problem);
    }

    private static Position position(Mark mark) {
        return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String at(Mark mark, YamlTree tree) {
        return position(mark != null ? mark : tree.last).in(tree.source);
    }

    private static String firstLine(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** SnakeYAML's problem and context on one line, without its multi-line source snippet. */
    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem().replace("found '?'", "found a key")
                .replace("found '-'", "found a list entry");
        if (problem.startsWith("expected <block end>")) {
            problem += "; check the indentation";
        }
        problem = Excerpt.of(problem, 200);
        if (e.getContext() == null) {
            return problem;
        }
        Mark context = e.getContextMark();
        return problem + " (" + Excerpt.of(e.getContext(), 200)
                + (context == null ? "" : " started at line " + (context.getLine() + 1)) + ")";
    }

    /**
     * YAML 1.1 would turn an unquoted {@code RecipeFormatVersion: 2020-01-25} into a date; documents
     * here mean the text, so timestamps stay strings.
     */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }
}
