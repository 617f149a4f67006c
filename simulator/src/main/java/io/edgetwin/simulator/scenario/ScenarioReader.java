package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.References;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.ThresholdException;
import java.nio.file.Path;
import java.time.Duration;
import io.edgetwin.simulator.fault.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a scenario file (docs/scenarios.md). Every problem is reported as a
 * {@link ScenarioException} naming {@code file:line:column}, the field, and what was expected.
 */
public final class ScenarioReader {

    private static final Set<String> TOP = Set.of("name", "seed", "device", "fleet", "components", "variants", "workload",
            "workloads", "faults", "thresholds", "validity", "execution", "artifacts", "engine", "security");
    private static final Set<String> DEVICE = Set.of("profile", "memory", "swap", "cpus", "pids");
    private static final Set<String> FLEET = Set.of("twins");
    private static final Set<String> VALIDITY = Set.of("minDuration", "maxGeneratorCpu", "percentiles", "maxOutsideCpu");
    private static final Set<String> COMPONENT = Set.of("version", "configuration");
    private static final Set<String> VARIANT = Set.of("components", "security", "inference", "link");
    private static final Set<String> VARIANT_COMPONENT = Set.of("systemResourceLimits", "version", "configuration");
    private static final Set<String> LIMITS = Set.of("memory", "cpus");

    private final RecipeCatalog catalog;
    private final int hostCpus;

    public ScenarioReader(RecipeCatalog catalog, int hostCpus) {
        this.catalog = catalog;
        this.hostCpus = hostCpus;
    }

    /**
     * Reads the file within {@link ScenarioYaml}'s limits (a regular file of at most 1 MiB of UTF-8, depth
     * 50, 100,000 nodes with aliases expanded); every problem is a {@link ScenarioException}.
     */
    public Scenario read(Path file) {
        ScenarioYaml.Loaded loaded = ScenarioYaml.load(file);
        Node root = root(file, loaded);
        Map<String, Node> top = root.mapping(TOP);
        String name = required(root, top, "name").text();
        long seed = top.containsKey("seed") ? top.get("seed").wholeNumber() : 42;
        Node deviceNode = required(root, top, "device");
        DeviceProfile profile = profile(deviceNode);
        DeviceSpec device = device(deviceNode, profile);
        int twins = top.containsKey("fleet") ? twins(top.get("fleet")) : 1;
        Map<String, ScenarioComponent> components = components(required(root, top, "components"));
        List<Workload> workloads = WorkloadReader.readAll(workloadNode(root, top), components, catalog, file);
        Workload workload = workloads.get(0);
        Map<String, Node> thresholds = top.containsKey("thresholds") ? top.get("thresholds").entries() : Map.of();
        ArtifactSettings artifacts = CloudSections.artifacts(top.get("artifacts"), catalog, file);
        SampleWidth.check(workload, artifacts, top.containsKey("workloads") ? top.get("workloads") : top.get("workload"));
        Security security = top.containsKey("security") ? Security.read(top.get("security")) : Security.MTLS;
        List<Variant> variants = variants(required(root, top, "variants"), components, thresholds, artifacts, security,
                components.get(workload.target()));
        ModelSize.check(variants, artifacts, top.get("variants"));
        WorkloadThresholds.requireKnown(variants, workloads, thresholds);
        List<Fault> faults = top.containsKey("faults")
                ? new FaultReader(catalog, components, twins, workload.duration()).read(top.get("faults")) : List.of();
        double outsideCpu = ValidityRules.machineDefault(System.getenv(ValidityRules.MAX_OUTSIDE_CPU_ENV));
        ValidityRules validity = top.containsKey("validity") ? validity(top.get("validity"), outsideCpu)
                : ValidityRules.DEFAULT.withMaxOutsideCpu(outsideCpu);
        Scenario.Execution execution = top.containsKey("execution") ? execution(top.get("execution")) : Scenario.Execution.SEQUENTIAL;
        if (execution == Scenario.Execution.INTERLEAVED && !faults.isEmpty()) {
            throw top.get("execution").error("interleaved variants cannot take faults (their offsets follow one variant's "
                    + "uninterrupted run); expected execution: sequential, or no faults");
        }
        Engine engine = top.containsKey("engine") ? engine(top.get("engine")) : Engine.DOCKER;
        return new Scenario(file, loaded.text(), name, seed, device, profile, twins, components, variants, workload, faults,
                validity, execution, artifacts, engine, workloads);
    }

    /** {@code workload:} (one, or a list) or {@code workloads:} (a list); not both. */
    private static Node workloadNode(Node root, Map<String, Node> top) {
        if (top.containsKey("workload") && top.containsKey("workloads")) {
            throw top.get("workloads").error("is given beside workload; expected one of them: workload for one,"
                    + " workloads for a list");
        }
        return top.containsKey("workloads") ? top.get("workloads") : required(root, top, "workload");
    }

    private static int twins(Node fleet) {
        Node twins = required(fleet, fleet.mapping(FLEET), "twins");
        long value = twins.wholeNumber();
        if (value < 1 || value > 64) {
            throw twins.error(value + " twins per variant; expected 1 to 64");
        }
        return (int) value;
    }

    private static Scenario.Execution execution(Node node) {
        return switch (node.text()) {
            case "sequential" -> Scenario.Execution.SEQUENTIAL;
            case "interleaved" -> Scenario.Execution.INTERLEAVED;
            default -> throw node.error("'" + node.text() + "' is not an execution; expected sequential or interleaved");
        };
    }

    private static Engine engine(Node node) {
        try {
            return Engine.of(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error("'" + node.text() + "' is not an engine; expected docker or swarm");
        }
    }

    private static ValidityRules validity(Node node, double defaultOutsideCpu) {
        Map<String, Node> f = node.mapping(VALIDITY);
        ValidityRules d = ValidityRules.DEFAULT;
        Duration minDuration = f.containsKey("minDuration") ? Quantities.duration(f.get("minDuration")) : d.minDuration();
        double maxCpu = f.containsKey("maxGeneratorCpu") ? Quantities.percent(f.get("maxGeneratorCpu")) / 100 : d.maxGeneratorCpu();
        if (!(maxCpu > 0)) {
            throw f.get("maxGeneratorCpu").error("is zero; expected a share of one core above 0%, e.g. 80%");
        }
        List<Double> percentiles = new ArrayList<>();
        if (f.containsKey("percentiles")) {
            for (Node p : f.get("percentiles").sequence()) {
                percentiles.add(percentile(p));
            }
        }
        return new ValidityRules(minDuration, maxCpu, percentiles, f.containsKey("maxOutsideCpu")
                ? ValidityRules.outsideCpu(f.get("maxOutsideCpu")) : defaultOutsideCpu);
    }

    private static double percentile(Node node) {
        String text = node.text().trim();
        try {
            double value = Double.parseDouble(text.startsWith("p") ? text.substring(1) : text);
            if (value > 0 && value <= 99.9) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw node.error("'" + text + "' is not a percentile; expected p50 to p99.9, e.g. p99");
    }

    private static DeviceProfile profile(Node node) {
        Map<String, Node> fields = node.mapping(DEVICE);
        if (!fields.containsKey("profile")) {
            return null;
        }
        Node name = fields.get("profile");
        return DeviceProfile.named(name.text()).orElseThrow(() -> name.error("'" + name.text()
                + "' is not a device profile; expected one of " + DeviceProfile.BUILT_IN.keySet()
                + ", or give memory and cpus instead"));
    }

    private static Node root(Path file, ScenarioYaml.Loaded loaded) {
        if (loaded.root() == null) {
            throw new ScenarioException(file + ": the file is empty; expected a scenario (see docs/scenarios.md)");
        }
        return new Node(file.toString(), "", loaded.root());
    }

    /** Explicit caps, or a profile's caps with any explicit field overriding the profile's. */
    private DeviceSpec device(Node node, DeviceProfile profile) {
        Map<String, Node> fields = node.mapping(DEVICE);
        DeviceSpec base = profile == null ? null : profile.applied(hostCpus);
        long memory = base != null && !fields.containsKey("memory") ? base.memoryBytes()
                : Quantities.bytes(required(node, fields, "memory"));
        long swap = fields.containsKey("swap") ? swapBytes(fields.get("swap")) : 0;
        Node cpusNode = fields.get("cpus");
        double cpus = base != null && cpusNode == null ? base.cpus() : Quantities.positive(required(node, fields, "cpus"));
        if (cpus > hostCpus) {
            throw cpusNode.error(cpus + " is more than this host's " + hostCpus + " cores; expected at most " + hostCpus);
        }
        long pids = fields.containsKey("pids") ? fields.get("pids").wholeNumber() : base == null ? 0 : base.pids();
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

    private Map<String, ScenarioComponent> components(Node node) {
        Map<String, ScenarioComponent> components = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            Map<String, Node> fields = e.getValue().mapping(COMPONENT);
            String version = required(e.getValue(), fields, "version").text();
            if (!catalog.contains(e.getKey(), version)) {
                throw e.getValue().error("unknown component '" + e.getKey() + "' version " + version
                        + "; expected one of the twin's recipes " + catalog.ids());
            }
            Map<String, Object> configuration = fields.containsKey("configuration")
                    ? configuration(fields.get("configuration")) : Map.of();
            components.put(e.getKey(), new ScenarioComponent(e.getKey(), version, configuration));
        }
        if (components.isEmpty()) {
            throw node.error("is empty; expected at least one component");
        }
        return components;
    }

    private List<Variant> variants(Node node, Map<String, ScenarioComponent> components,
                                   Map<String, Node> thresholds, ArtifactSettings artifacts, Security security,
                                   ScenarioComponent target) {
        List<Variant> variants = new ArrayList<>();
        Map<String, Node> entries = node.entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            Map<String, ComponentLimits> limits = e.getValue().isEmptyValue() ? Map.of() : limits(e.getValue(), components);
            Map<String, ComponentOverride> overrides = e.getValue().isEmptyValue() ? Map.of()
                    : overrides(e.getValue(), artifacts);
            Node mode = e.getValue().isEmptyValue() ? null : e.getValue().mapping(VARIANT).get("security");
            Placement placement = e.getValue().isEmptyValue() ? Placement.EDGE
                    : PlacementReader.read(e.getValue(), e.getValue().mapping(VARIANT));
            overrides = PlacementReader.withPlacement(placement, overrides, target, e.getValue(), catalog);
            variants.add(new Variant(e.getKey(), limits, thresholds(thresholds.get(e.getKey())), overrides,
                    mode == null ? security : Security.read(mode), placement));
        }
        if (variants.size() < 2) {
            throw node.error("has " + variants.size() + " variant(s); expected two or more to compare (e.g. limited and unlimited)");
        }
        for (Map.Entry<String, Node> t : thresholds.entrySet()) {
            if (!entries.containsKey(t.getKey())) {
                throw t.getValue().error("names no variant; expected one of " + entries.keySet());
            }
        }
        requireKnownReferences(variants, thresholds);
        return variants;
    }

    /** Comparisons name variants of this scenario, not the variant itself, and do not go round in circles. */
    private static void requireKnownReferences(List<Variant> variants, Map<String, Node> thresholds) {
        Map<String, List<Threshold>> byVariant = new LinkedHashMap<>();
        variants.forEach(variant -> byVariant.put(variant.name(), variant.thresholds()));
        List<References.Problem> problems = References.problems(byVariant, byVariant.keySet(), false);
        if (!problems.isEmpty()) {
            References.Problem first = problems.get(0);
            throw thresholds.get(first.variant()).sequence().get(first.index()).error(first.message());
        }
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

    private Map<String, ComponentOverride> overrides(Node node, ArtifactSettings artifacts) {
        Map<String, ComponentOverride> overrides = new LinkedHashMap<>();
        Node components = node.mapping(VARIANT).get("components");
        if (components != null) {
            components.entries().forEach((name, value) -> overrides.put(name,
                    CloudSections.override(name, value.mapping(VARIANT_COMPONENT), catalog, artifacts)));
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

    /** A configuration mapping as plain values; a top-level key must have a value (deeper nulls are kept). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> configuration(Node node) {
        Map<String, Node> entries = node.entries();
        Map<String, Object> configuration = (Map<String, Object>) node.plain();
        for (Map.Entry<String, Object> e : configuration.entrySet()) {
            if (e.getValue() == null) {
                throw entries.getOrDefault(e.getKey(), node).error("'" + Node.shown(e.getKey(), 80) + "' has no value;"
                        + " expected a value (quote '' for empty text)");
            }
        }
        return configuration;
    }

    private static Node required(Node parent, Map<String, Node> fields, String key) {
        return Nodes.required(parent, fields, key);
    }
}
