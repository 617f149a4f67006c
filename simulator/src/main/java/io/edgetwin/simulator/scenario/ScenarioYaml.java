package io.edgetwin.simulator.scenario;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a user's YAML file into SnakeYAML nodes that keep their marks, within fixed limits: a regular
 * file (never a device, pipe or directory) of at most {@value #MAX_BYTES} bytes of UTF-8, nesting at
 * most {@value #MAX_DEPTH} deep, at most {@value #MAX_NODES} nodes with every alias expanded (an alias
 * costs its anchor's nodes each time it is used), no recursive alias, explicit tags only where they fit
 * ({@code !!str !!int !!float !!bool !!null !!map !!seq}). Nodes are built from parser events, never by
 * SnakeYAML's composer, so each limit is reported at the place it is crossed.
 *
 * <p>This is the edge core's bounded document reader (edge-core {@code core.document}) written again on
 * purpose: the simulator never imports edge-core classes (they meet only across the container boundary),
 * so the two keep the same limits and messages by hand.
 */
final class ScenarioYaml {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 50;
    static final int MAX_NODES = 100_000;
    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<Tag> SCALARS = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

    /** The file's text and its root node (null for an empty file). */
    record Loaded(String text, org.yaml.snakeyaml.nodes.Node root) {
    }

    private record Anchored(org.yaml.snakeyaml.nodes.Node node, int nodes) {
    }

    private final String source;
    private final Iterator<Event> events;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Resolver resolver = new Resolver();
    private int nodes;
    private Mark last;

    private ScenarioYaml(String source, Iterator<Event> events) {
        this.source = source;
        this.events = events;
    }

    static Loaded load(Path file) {
        String text = ScenarioFile.text(file, MAX_BYTES);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(text.length() + 1, 1024));
        ScenarioYaml yaml = new ScenarioYaml(file.toString(), new Yaml(options).parse(new StringReader(text)).iterator());
        try {
            return new Loaded(text, yaml.document());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : yaml.last;
            throw yaml.error(mark, "YAML syntax error: " + Node.shown(String.valueOf(e.getProblem()), 200));
        } catch (ReaderException e) {
            throw new ScenarioException(file + ":" + ScenarioFile.lineColumn(text, e.getPosition()) + ": YAML syntax error: the character"
                    + String.format(" U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YAMLException e) {
            throw yaml.error(yaml.last, "YAML error: " + Node.shown(String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""), 200));
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner parses the hex digits of an escape with Integer.parseInt and lets it fail
            throw yaml.error(yaml.last, "YAML syntax error: an escape sequence (\\x, \\u or \\U) without its hexadecimal"
                    + " digits; expected e.g. \\u00e9 in a double-quoted string");
        }
    }

    private org.yaml.snakeyaml.nodes.Node document() {
        next();
        if (next().is(Event.ID.StreamEnd)) {
            return null;
        }
        org.yaml.snakeyaml.nodes.Node root = node(next(), 1);
        next();
        Event after = next();
        if (after.is(Event.ID.DocumentStart)) {
            throw error(after.getStartMark(), "holds a second YAML document (a second '---'); expected one scenario");
        }
        return root;
    }

    private Event next() {
        Event event = events.next();
        last = event.getStartMark();
        return event;
    }

    private org.yaml.snakeyaml.nodes.Node node(Event event, int depth) {
        if (event instanceof AliasEvent alias) {
            return alias(alias);
        }
        int before = nodes;
        count(event, 1);
        if (event instanceof ScalarEvent scalar) {
            return anchored(scalar, new ScalarNode(scalarTag(scalar), scalar.getValue(), scalar.getStartMark(),
                    scalar.getEndMark(), scalar.getScalarStyle()), before);
        }
        if (!(event instanceof CollectionStartEvent collection)) {
            throw error(event.getStartMark(), "unexpected " + event.getEventId() + "; expected a value");
        }
        if (depth > MAX_DEPTH) {
            throw error(event.getStartMark(), "nests mappings and lists more than " + MAX_DEPTH + " deep; expected at most "
                    + MAX_DEPTH + " levels");
        }
        boolean mapping = event.is(Event.ID.MappingStart);
        checkTag(collection, mapping ? Tag.MAP : Tag.SEQ, mapping ? "mapping" : "list");
        if (collection.getAnchor() != null) {
            open.add(collection.getAnchor());
        }
        org.yaml.snakeyaml.nodes.Node node = mapping ? mapping(collection, depth) : sequence(collection, depth);
        if (collection.getAnchor() != null) {
            open.remove(collection.getAnchor());
        }
        return anchored(collection, node, before);
    }

    private MappingNode mapping(CollectionStartEvent start, int depth) {
        List<NodeTuple> tuples = new ArrayList<>();
        Event event = next();
        while (!event.is(Event.ID.MappingEnd)) {
            if (event instanceof CollectionStartEvent) {
                throw error(event.getStartMark(), "has a key that is a mapping or list; expected keys that are text");
            }
            org.yaml.snakeyaml.nodes.Node key = node(event, depth + 1);
            tuples.add(new NodeTuple(key, node(next(), depth + 1)));
            event = next();
        }
        return new MappingNode(Tag.MAP, true, tuples, start.getStartMark(), event.getEndMark(), start.getFlowStyle());
    }

    private SequenceNode sequence(CollectionStartEvent start, int depth) {
        List<org.yaml.snakeyaml.nodes.Node> items = new ArrayList<>();
        Event event = next();
        while (!event.is(Event.ID.SequenceEnd)) {
            items.add(node(event, depth + 1));
            event = next();
        }
        return new SequenceNode(Tag.SEQ, true, items, start.getStartMark(), event.getEndMark(), start.getFlowStyle());
    }

    private org.yaml.snakeyaml.nodes.Node alias(AliasEvent alias) {
        String anchor = alias.getAnchor();
        if (open.contains(anchor)) {
            throw error(alias.getStartMark(), "*" + Node.shown(anchor, 80) + " refers to the mapping or list it is inside"
                    + " (a recursive alias); expected a tree without cycles");
        }
        Anchored target = anchors.get(anchor);
        if (target == null) {
            throw error(alias.getStartMark(), "*" + Node.shown(anchor, 80) + " refers to no anchor; expected &"
                    + Node.shown(anchor, 80) + " before it");
        }
        count(alias, target.nodes());
        return target.node();
    }

    private org.yaml.snakeyaml.nodes.Node anchored(NodeEvent event, org.yaml.snakeyaml.nodes.Node node, int before) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), new Anchored(node, nodes - before));
        }
        return node;
    }

    private void count(Event event, int more) {
        nodes += more;
        if (nodes > MAX_NODES) {
            throw error(event.getStartMark(), "expands to more than " + MAX_NODES + " nodes (an alias counts every node of"
                    + " its anchor each time it is used); expected at most " + MAX_NODES);
        }
    }

    private Tag scalarTag(ScalarEvent event) {
        String tag = event.getTag();
        if (tag == null) {
            return resolver.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
        }
        Tag explicit = new Tag(tag);
        if (tag.equals("!") || explicit.equals(Tag.STR)) {
            return Tag.STR;
        }
        if (!SCALARS.contains(explicit)) {
            throw unsupported(event, tag);
        }
        Tag fits = resolver.resolve(NodeId.scalar, event.getValue(), true);
        if (!fits.equals(explicit) && !(explicit.equals(Tag.FLOAT) && fits.equals(Tag.INT))) {
            throw error(event.getStartMark(), "'" + Node.shown(event.getValue(), 80) + "' is tagged " + shortTag(tag)
                    + " but is not one; expected a value that fits its tag, or no tag");
        }
        return explicit;
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

    private ScenarioException unsupported(NodeEvent event, String tag) {
        return error(event.getStartMark(), "has the YAML tag " + shortTag(tag) + "; expected text, numbers, true/false,"
                + " mappings and lists without tags");
    }

    private static String shortTag(String tag) {
        return Node.shown(tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag, 80);
    }

    private ScenarioException error(Mark mark, String problem) {
        String where = mark == null ? "1:1" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        return new ScenarioException(source + ":" + where + ": " + problem);
    }
}
