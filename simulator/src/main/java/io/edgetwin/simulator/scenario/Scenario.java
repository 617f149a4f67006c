package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.Source;
import io.edgetwin.report.gate.Threshold;
import java.util.ArrayList;
import io.edgetwin.simulator.fault.Fault;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
/**
 * A scenario file, validated: one device size (and the built-in profile it came from, or null), how
 * many twins each variant runs, the components every twin runs, two or more variants (limits and
 * component overrides), the workload, faults, validity rules, how variants share the host, and the
 * optional artifact store and releases ({@code artifacts}, docs/cloud.md), and the engine the twins
 * run on ({@code engine}, docs/scale.md). Components keep file order:
 * the core starts them in that order. {@code text} is the file as read. Format: docs/scenarios.md.
 * {@code workloads} holds every workload, all running at once on every twin (one model each), starting
 * with {@code workload}; a scenario of one has just it.
 */
public record Scenario(Path file, String text, String name, long seed, DeviceSpec device, DeviceProfile profile, int twins,
                       Map<String, ScenarioComponent> components, List<Variant> variants, Workload workload,
                       List<Fault> faults, ValidityRules validity, Execution execution, ArtifactSettings artifacts,
                       Engine engine, List<Workload> workloads) {

    /** A scenario of one workload on the docker engine, the default when the file names none. */
    public Scenario(Path file, String text, String name, long seed, DeviceSpec device, DeviceProfile profile, int twins,
                    Map<String, ScenarioComponent> components, List<Variant> variants, Workload workload,
                    List<Fault> faults, ValidityRules validity, Execution execution, ArtifactSettings artifacts) {
        this(file, text, name, seed, device, profile, twins, components, variants, workload, faults, validity, execution,
                artifacts, Engine.DOCKER, List.of(workload));
    }

    /** A scenario of one workload on {@code engine}. */
    public Scenario(Path file, String text, String name, long seed, DeviceSpec device, DeviceProfile profile, int twins,
                    Map<String, ScenarioComponent> components, List<Variant> variants, Workload workload,
                    List<Fault> faults, ValidityRules validity, Execution execution, ArtifactSettings artifacts,
                    Engine engine) {
        this(file, text, name, seed, device, profile, twins, components, variants, workload, faults, validity, execution,
                artifacts, engine, List.of(workload));
    }

    /** A scenario of {@code workloads} (starting with {@code workload}) on the docker engine. */
    public Scenario(Path file, String text, String name, long seed, DeviceSpec device, DeviceProfile profile, int twins,
                    Map<String, ScenarioComponent> components, List<Variant> variants, Workload workload,
                    List<Fault> faults, ValidityRules validity, Execution execution, ArtifactSettings artifacts,
                    List<Workload> workloads) {
        this(file, text, name, seed, device, profile, twins, components, variants, workload, faults, validity, execution,
                artifacts, Engine.DOCKER, workloads);
    }

    public Scenario {
        Objects.requireNonNull(engine, "engine");
        workloads = List.copyOf(workloads);
        if (workloads.isEmpty() || !workloads.get(0).equals(workload)) {
            throw new IllegalArgumentException("workloads " + workloads + " must start with the workload " + workload);
        }
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        variants = List.copyOf(variants);
        faults = List.copyOf(faults);
        Objects.requireNonNull(artifacts, "artifacts");
        if (twins < 1) {
            throw new IllegalArgumentException("fleet.twins " + twins + " must be at least 1");
        }
    }

    /** The same scenario on another engine ({@code --engine}). */
    public Scenario withEngine(Engine other) {
        return new Scenario(file, text, name, seed, device, profile, twins, components, variants, workload, faults, validity,
                execution, artifacts, other, workloads);
    }

    /** Whether several workloads run at once (each model with its own stream); their results are reported apart. */
    public boolean severalWorkloads() {
        return workloads.size() > 1;
    }

    /** How variants share the host. */
    public enum Execution {
        /** One variant after another, each alone on the host. */
        SEQUENTIAL,
        /** All variants' fleets up at once, the load alternating between variants in rounds. */
        INTERLEAVED
    }

    /**
     * The thresholds that read variant {@code name}'s measurements: its own, and other variants'
     * comparisons with it ({@code unlimited.latency.p99} reads unlimited's p99).
     */
    public List<Threshold> thresholdsReading(String name) {
        List<Threshold> reading = new ArrayList<>();
        for (Variant variant : variants) {
            variant.thresholds().stream().filter(threshold -> variant.name().equals(name) || threshold.reference()
                    .filter(reference -> reference.source() instanceof Source.OtherVariant other
                            && other.name().equals(name)).isPresent())
                    .forEach(reading::add);
        }
        return reading;
    }
}
