package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.ThresholdException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * Reads and validates a scenario file (docs/scenarios.md). Every problem is reported as a
 * {@link ScenarioException} naming {@code file:line:column}, the field, and what was expected.
 */
public final class ScenarioReader {

    private static final Set<String> TOP = Set.of("name", "seed", "device", "components", "variants", "workload", "thresholds",
            "artifacts");
    private static final Set<String> DEVICE = Set.of("memory", "swap", "cpus", "pids");
    private static final Set<String> COMPONENT = Set.of("version", "configuration");
    private static final Set<String> VARIANT = Set.of("components");
    private static final Set<String> VARIANT_COMPONENT = Set.of("systemResourceLimits", "version", "configuration");
    private static final Set<String> LIMITS = Set.of("memory", "cpus");
    private static final Set<String> WORKLOAD = Set.of("target", "arrival", "rate", "warmup", "duration", "input");
    private static final Set<String> INPUT = Set.of("samples");

    private final RecipeCatalog catalog;
    private final int hostCpus;

    public ScenarioReader(RecipeCatalog catalog, int hostCpus) {
        this.catalog = catalog;
        this.hostCpus = hostCpus;
    }

    public Scenario read(Path file) {
        Node root = parse(file);
        Map<String, Node> top = root.mapping(TOP);
        String name = required(root, top, "name").text();
        long seed = top.containsKey("seed") ? top.get("seed").wholeNumber() : 42;
        DeviceSpec device = device(required(root, top, "device"));
        Map<String, ScenarioComponent> components = components(file, required(root, top, "components"));
        Workload workload = workload(required(root, top, "workload"), components);
        Map<String, Node> thresholds = top.containsKey("thresholds") ? top.get("thresholds").entries() : Map.of();
        ArtifactSettings artifacts = CloudSections.artifacts(top.get("artifacts"), catalog);
        List<Variant> variants = variants(file, required(root, top, "variants"), components, thresholds, artifacts);
        return new Scenario(file, name, seed, device, components, variants, workload, artifacts);
    }

    private static Node parse(Path file) {
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file)) {
            org.yaml.snakeyaml.nodes.Node yaml = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            if (yaml == null) {
                throw new ScenarioException(source + ": the file is empty; expected a scenario (see docs/scenarios.md)");
            }
            return new Node(source, "", yaml);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source + ": no such scenario file");
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read: " + e.getMessage());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new ScenarioException(source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)
                    + ": YAML syntax error: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioException(source + ": YAML error: " + e.getMessage());
        }
    }

    private DeviceSpec device(Node node) {
        Map<String, Node> fields = node.mapping(DEVICE);
        long memory = Quantities.bytes(required(node, fields, "memory"));
        long swap = fields.containsKey("swap") ? swapBytes(fields.get("swap")) : 0;
        Node cpusNode = required(node, fields, "cpus");
        double cpus = Quantities.positive(cpusNode);
        if (cpus > hostCpus) {
            throw cpusNode.error(cpus + " is more than this host's " + hostCpus + " cores; expected at most " + hostCpus);
        }
        long pids = fields.containsKey("pids") ? fields.get("pids").wholeNumber() : 0;
        if (pids < 0) {
            throw fields.get("pids").error(pids + " is negative; expected a positive process count, or leave it out for no limit");
        }
        try {
            return new DeviceSpec(memory, memory + swap, cpus, pids);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static long swapBytes(Node node) {
        return node.text().trim().equals("0") ? 0 : Quantities.bytes(node);
    }

    private Map<String, ScenarioComponent> components(Path file, Node node) {
        Map<String, ScenarioComponent> components = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            Map<String, Node> fields = e.getValue().mapping(COMPONENT);
            String version = required(e.getValue(), fields, "version").text();
            if (!catalog.contains(e.getKey(), version)) {
                throw e.getValue().error("unknown component '" + e.getKey() + "' version " + version
                        + "; expected one of the twin's recipes " + catalog.ids());
            }
            if (fields.containsKey("configuration")) {
                fields.get("configuration").entries();
            }
            Map<String, Object> configuration = fields.containsKey("configuration")
                    ? configuration(file, e.getKey()) : Map.of();
            components.put(e.getKey(), new ScenarioComponent(e.getKey(), version, configuration));
        }
        if (components.isEmpty()) {
            throw node.error("is empty; expected at least one component");
        }
        return components;
    }

    private List<Variant> variants(Path file, Node node, Map<String, ScenarioComponent> components,
                                   Map<String, Node> thresholds, ArtifactSettings artifacts) {
        List<Variant> variants = new ArrayList<>();
        Map<String, Node> entries = node.entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            Map<String, ComponentLimits> limits = e.getValue().isEmptyValue() ? Map.of() : limits(e.getValue(), components);
            Map<String, ComponentOverride> overrides = e.getValue().isEmptyValue() ? Map.of()
                    : overrides(file, e.getKey(), e.getValue(), artifacts);
            variants.add(new Variant(e.getKey(), limits, thresholds(thresholds.get(e.getKey())), overrides));
        }
        if (variants.size() < 2) {
            throw node.error("has " + variants.size() + " variant(s); expected two or more to compare (e.g. limited and unlimited)");
        }
        for (Map.Entry<String, Node> t : thresholds.entrySet()) {
            if (!entries.containsKey(t.getKey())) {
                throw t.getValue().error("names no variant; expected one of " + entries.keySet());
            }
        }
        return variants;
    }

    private static Map<String, ComponentLimits> limits(Node variant, Map<String, ScenarioComponent> components) {
        Map<String, Node> fields = variant.mapping(VARIANT);
        Map<String, ComponentLimits> limits = new LinkedHashMap<>();
        if (!fields.containsKey("components")) {
            return limits;
        }
        for (Map.Entry<String, Node> e : fields.get("components").entries().entrySet()) {
            if (!components.containsKey(e.getKey())) {
                throw e.getValue().error("unknown component '" + e.getKey() + "'; expected one of the scenario's components "
                        + components.keySet());
            }
            Node limitsNode = e.getValue().mapping(VARIANT_COMPONENT).get("systemResourceLimits");
            if (limitsNode == null) {
                continue;
            }
            Map<String, Node> values = limitsNode.mapping(LIMITS);
            Long memoryKb = values.containsKey("memory") ? positiveWhole(values.get("memory")) : null;
            Double cpus = values.containsKey("cpus") ? Quantities.positive(values.get("cpus")) : null;
            limits.put(e.getKey(), new ComponentLimits(memoryKb, cpus));
        }
        return limits;
    }

    private Map<String, ComponentOverride> overrides(Path file, String variant, Node node, ArtifactSettings artifacts) {
        Map<String, ComponentOverride> overrides = new LinkedHashMap<>();
        Node components = node.mapping(VARIANT).get("components");
        if (components != null) {
            components.entries().forEach((name, value) -> overrides.put(name,
                    CloudSections.override(file, variant, name, value.mapping(VARIANT_COMPONENT), catalog, artifacts)));
        }
        return overrides;
    }

    private static long positiveWhole(Node node) {
        long value = node.wholeNumber();
        if (value <= 0) {
            throw node.error(value + " is not positive; expected kilobytes, e.g. 524288 for 512 MiB");
        }
        return value;
    }

    private static List<Threshold> thresholds(Node node) {
        if (node == null) {
            return List.of();
        }
        List<Threshold> thresholds = new ArrayList<>();
        for (Node expr : node.sequence()) {
            try {
                thresholds.add(Threshold.parse(expr.text()));
            } catch (ThresholdException e) {
                throw expr.error(e.getMessage());
            }
        }
        return thresholds;
    }

    private static Workload workload(Node node, Map<String, ScenarioComponent> components) {
        Map<String, Node> fields = node.mapping(WORKLOAD);
        Node target = required(node, fields, "target");
        if (!components.containsKey(target.text())) {
            throw target.error("'" + target.text() + "' is not one of the scenario's components " + components.keySet());
        }
        if (fields.containsKey("arrival") && !fields.get("arrival").text().equals("constant")) {
            throw fields.get("arrival").error("'" + fields.get("arrival").text() + "' is not supported; expected constant");
        }
        String samples = "anomaly-mlp";
        if (fields.containsKey("input")) {
            samples = required(fields.get("input"), fields.get("input").mapping(INPUT), "samples").text();
        }
        Duration warmup = fields.containsKey("warmup") ? Quantities.duration(fields.get("warmup")) : Duration.ofSeconds(5);
        Node duration = required(node, fields, "duration");
        Duration measured = Quantities.duration(duration);
        if (measured.isZero()) {
            throw duration.error("is zero; expected a positive duration such as 30s");
        }
        return new Workload(target.text(), Quantities.perSecond(required(node, fields, "rate")), warmup, measured, samples);
    }

    /** The configuration tree as plain values, from the same file read without positions. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuration(Path file, String component) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, Object> components = (Map<String, Object>) root.get("components");
            Object configuration = ((Map<String, Object>) components.get(component)).get("configuration");
            return configuration == null ? Map.of() : (Map<String, Object>) configuration;
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Node required(Node parent, Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        if (node == null) {
            throw parent.error("'" + key + "' is missing");
        }
        return node;
    }
}
