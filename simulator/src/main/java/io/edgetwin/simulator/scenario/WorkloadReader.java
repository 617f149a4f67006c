package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.ReplayTrace;
import io.edgetwin.simulator.samples.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code workload} (one) or {@code workloads} (a list, all running at once): each a target, input,
 * arrival model and its rate, warm-up and duration, and a name for reports and thresholds.
 */
final class WorkloadReader {

    private static final Set<String> WORKLOAD = Set.of("target", "arrival", "rate", "burst", "trace", "warmup", "duration", "input",
            "name");
    private static final Set<String> INPUT = Set.of("samples", "csv", "npy", "labels", "imageFolder");
    private static final Set<String> STAGE = Set.of("rate", "from", "to", "for");
    private static final Set<String> BURST = Set.of("rate", "every", "for");
    private static final List<String> ARRIVALS = List.of("constant", "poisson", "closed", "step", "burst", "replay");

    private WorkloadReader() {
    }

    /**
     * One workload (a mapping) or several (a sequence). With several, each must target its own inference
     * component, with samples of that component's model family, under its own name.
     */
    static List<Workload> readAll(Node node, Map<String, ScenarioComponent> components, RecipeCatalog catalog,
                                  Path scenarioFile) {
        if (!node.isSequence()) {
            Workload one = read(node, components, scenarioFile);
            return List.of(one.onTopic(topic(components.get(one.target()), catalog)));
        }
        List<Node> items = node.sequence();
        if (items.isEmpty()) {
            throw node.error("is empty; expected one workload or more, each {target, input, arrival, rate, duration, ...}");
        }
        List<Workload> workloads = new ArrayList<>();
        Map<String, Node> targets = new java.util.LinkedHashMap<>();
        Map<String, Node> names = new java.util.LinkedHashMap<>();
        for (Node item : items) {
            Workload read = read(item, components, scenarioFile);
            Workload workload = read.onTopic(topic(components.get(read.target()), catalog));
            Map<String, Node> fields = item.mapping(WORKLOAD);
            Node target = fields.get("target");
            if (targets.containsKey(workload.target())) {
                throw target.error("'" + workload.target() + "' is already the target of the workload at line "
                        + targets.get(workload.target()).line() + "; expected each workload to target its own inference"
                        + " component (two streams to one model are one workload with the sum of their rates)");
            }
            targets.put(workload.target(), target);
            if (items.size() > 1) {
                requireInference(target, components.get(workload.target()), catalog);
                requireSamplesFit(fields.containsKey("input") ? fields.get("input") : item, workload,
                        components.get(workload.target()), catalog);
            }
            Node named = fields.containsKey("name") ? fields.get("name") : item;
            if (names.containsKey(workload.name())) {
                throw named.error("workload name '" + workload.name() + "' is taken by the workload at line "
                        + names.get(workload.name()).line() + "; expected a name of its own, e.g. name: "
                        + workload.name() + "-2");
            }
            names.put(workload.name(), named);
            workloads.add(workload);
        }
        return workloads;
    }

    private static void requireInference(Node target, ScenarioComponent component, RecipeCatalog catalog) {
        if (model(component, catalog) == null) {
            throw target.error("'" + component.name() + "' is not an inference component (its configuration has no"
                    + " model); expected a component that answers inference requests, such as com.edgetwin.Inference");
        }
    }

    private static void requireSamplesFit(Node where, Workload workload, ScenarioComponent component, RecipeCatalog catalog) {
        String model = model(component, catalog);
        if (!Workload.family(model).equals(Workload.family(workload.samples()))) {
            throw where.error("samples '" + workload.samples() + "' do not fit model '" + model + "' of "
                    + component.name() + "; expected samples of the " + Workload.family(model) + " family, e.g. "
                    + Workload.family(model) + "-" + model.substring(Workload.family(model).length()).replaceFirst("^-", "")
                    .replaceFirst("-x\\d+$", ""));
        }
    }

    /** The component's topic segment: its scenario configuration's, else its recipe's, else {@code inference}. */
    private static String topic(ScenarioComponent component, RecipeCatalog catalog) {
        Object topic = component.configuration().get("topic");
        return topic != null ? topic.toString()
                : catalog.defaultOf(component.name(), component.version(), "topic").orElse(Workload.DEFAULT_TOPIC);
    }

    /** The component's model: its scenario configuration's, else its recipe's default; null when it has none. */
    private static String model(ScenarioComponent component, RecipeCatalog catalog) {
        Object model = component.configuration().get("model");
        return model != null ? model.toString() : catalog.defaultOf(component.name(), component.version(), "model").orElse(null);
    }

    static Workload read(Node node, Map<String, ScenarioComponent> components, Path scenarioFile) {
        Map<String, Node> fields = node.mapping(WORKLOAD);
        Node target = Nodes.required(node, fields, "target");
        if (!components.containsKey(target.text())) {
            throw target.error("'" + target.text() + "' is not one of the scenario's components " + components.keySet());
        }
        SampleSource input = fields.containsKey("input") ? input(fields.get("input"), scenarioFile)
                : new SampleSource.BuiltIn("anomaly-mlp");
        Duration warmup = fields.containsKey("warmup") ? Quantities.duration(fields.get("warmup")) : Duration.ofSeconds(5);
        Node duration = Nodes.required(node, fields, "duration");
        Duration measured = Quantities.duration(duration);
        if (measured.isZero()) {
            throw duration.error("is zero; expected a positive duration such as 30s");
        }
        String samples = input instanceof SampleSource.BuiltIn builtIn ? builtIn.model()
                : fields.get("input").mapping(INPUT).get(sourceKind(fields.get("input"))).text();
        Arrival arrival = arrival(node, fields, scenarioFile);
        if (!fields.containsKey("name")) {
            return new Workload(target.text(), arrival, warmup, measured, samples, input);
        }
        Node name = fields.get("name");
        if (!name.text().matches("[a-z][a-z0-9_-]*")) {
            throw name.error("'" + name.text() + "' is not a workload name; expected lower-case letters, digits, '-' or '_',"
                    + " starting with a letter (thresholds name it: defect.latency.p99)");
        }
        return new Workload(target.text(), arrival, warmup, measured, samples, name.text(), Workload.DEFAULT_TOPIC, input);
    }

    /**
     * {@code {samples: <built-in model>}}, or the user's own samples, a path relative to the scenario file:
     * {@code {csv: FILE}}, {@code {npy: FILE, labels: FILE}} or {@code {imageFolder: DIR}}. User files are
     * read here, so a malformed one is refused before anything starts.
     */
    private static SampleSource input(Node node, Path scenarioFile) {
        Map<String, Node> fields = node.mapping(INPUT);
        String kind = sourceKind(node);
        if (fields.containsKey("labels") && !kind.equals("npy")) {
            throw fields.get("labels").error("is only for npy samples; CSV files carry a label column, image folders"
                    + " one folder per label");
        }
        Node value = fields.get(kind);
        Path base = scenarioFile.toAbsolutePath().getParent();
        SampleSource source = switch (kind) {
            case "csv" -> new SampleSource.Csv(base.resolve(value.text()));
            case "npy" -> new SampleSource.Npy(base.resolve(value.text()),
                    fields.containsKey("labels") ? base.resolve(fields.get("labels").text()) : null);
            case "imageFolder" -> new SampleSource.ImageFolder(base.resolve(value.text()));
            default -> new SampleSource.BuiltIn(value.text());
        };
        if (!(source instanceof SampleSource.BuiltIn)) {
            try {
                source.read(base);
            } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
                throw value.error(e.getMessage());
            }
        }
        return source;
    }

    /** Which one source {@code input} names: samples, csv, npy or imageFolder. */
    private static String sourceKind(Node input) {
        Map<String, Node> fields = input.mapping(INPUT);
        List<String> kinds = List.of("samples", "csv", "npy", "imageFolder").stream().filter(fields::containsKey).toList();
        if (kinds.size() != 1) {
            throw input.error("names " + (kinds.isEmpty() ? "no samples" : kinds) + "; expected one of {samples: <model>},"
                    + " {csv: FILE}, {npy: FILE, labels: FILE} or {imageFolder: DIR}");
        }
        return kinds.get(0);
    }

    private static Arrival arrival(Node node, Map<String, Node> fields, Path scenarioFile) {
        String kind = fields.containsKey("arrival") ? fields.get("arrival").text() : "constant";
        if (!ARRIVALS.contains(kind)) {
            throw fields.get("arrival").error("'" + kind + "' is not an arrival model; expected one of " + ARRIVALS);
        }
        onlyFor(fields, "burst", kind, "burst");
        onlyFor(fields, "trace", kind, "replay");
        return switch (kind) {
            case "poisson" -> new Arrival.Poisson(Quantities.perSecond(Nodes.required(node, fields, "rate")));
            case "closed" -> new Arrival.Closed(concurrency(Nodes.required(node, fields, "rate")));
            case "step" -> new Arrival.Steps(stages(Nodes.required(node, fields, "rate")));
            case "burst" -> burst(node, fields);
            case "replay" -> replay(node, fields, scenarioFile);
            default -> new Arrival.Constant(Quantities.perSecond(Nodes.required(node, fields, "rate")));
        };
    }

    private static void onlyFor(Map<String, Node> fields, String key, String kind, String arrival) {
        if (fields.containsKey(key) && !kind.equals(arrival)) {
            throw fields.get(key).error("is only for arrival: " + arrival + "; this workload's arrival is " + kind);
        }
    }

    private static int concurrency(Node node) {
        long value = node.wholeNumber();
        if (value < 1 || value > 10_000) {
            throw node.error(value + " is not a concurrency; expected requests in flight per twin, 1 to 10000");
        }
        return (int) value;
    }

    private static List<Arrival.Stage> stages(Node node) {
        List<Arrival.Stage> stages = new ArrayList<>();
        for (Node stage : node.sequence()) {
            Map<String, Node> f = stage.mapping(STAGE);
            Duration length = Quantities.duration(Nodes.required(stage, f, "for"));
            if (length.isZero()) {
                throw f.get("for").error("is zero; expected how long the stage lasts, e.g. 10s");
            }
            if (f.containsKey("rate") == (f.containsKey("from") || f.containsKey("to"))) {
                throw stage.error("expected either {rate, for} or a ramp {from, to, for}");
            }
            double from = Quantities.perSecond(f.containsKey("rate") ? f.get("rate") : Nodes.required(stage, f, "from"));
            double to = f.containsKey("rate") ? from : Quantities.perSecond(Nodes.required(stage, f, "to"));
            stages.add(new Arrival.Stage(from, to, length));
        }
        if (stages.isEmpty()) {
            throw node.error("is empty; expected stages such as [{rate: 10/s, for: 10s}, {from: 10/s, to: 50/s, for: 20s}]");
        }
        return stages;
    }

    private static Arrival burst(Node node, Map<String, Node> fields) {
        double base = Quantities.perSecond(Nodes.required(node, fields, "rate"));
        Node burst = Nodes.required(node, fields, "burst");
        Map<String, Node> f = burst.mapping(BURST);
        Duration every = Quantities.duration(Nodes.required(burst, f, "every"));
        Duration length = Quantities.duration(Nodes.required(burst, f, "for"));
        if (length.isZero() || length.compareTo(every) >= 0) {
            throw f.get("for").error("is " + length.toMillis() + " ms; expected above zero and shorter than every ("
                    + every.toMillis() + " ms)");
        }
        return new Arrival.Burst(base, Quantities.perSecond(Nodes.required(burst, f, "rate")), every, length);
    }

    private static Arrival replay(Node node, Map<String, Node> fields, Path scenarioFile) {
        Node trace = Nodes.required(node, fields, "trace");
        Path parent = scenarioFile.toAbsolutePath().getParent();
        Path csv = parent.resolve(trace.text());
        try {
            return new Arrival.Replay(ReplayTrace.read(csv));
        } catch (IllegalArgumentException e) {
            throw trace.error(e.getMessage());
        }
    }
}
