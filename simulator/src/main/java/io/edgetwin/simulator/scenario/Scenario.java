package io.edgetwin.simulator.scenario;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file, validated: one device size, the components every twin runs, two or more variants
 * (limits) and the workload. Components keep file order: the core starts them in that order.
 * {@code artifacts} is the optional artifact store and releases (docs/cloud.md). Format: docs/scenarios.md.
 */
public record Scenario(Path file, String name, long seed, DeviceSpec device, Map<String, ScenarioComponent> components,
                       List<Variant> variants, Workload workload, ArtifactSettings artifacts) {

    public Scenario {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        variants = List.copyOf(variants);
        Objects.requireNonNull(artifacts, "artifacts");
    }

    public Scenario(Path file, String name, long seed, DeviceSpec device, Map<String, ScenarioComponent> components,
                    List<Variant> variants, Workload workload) {
        this(file, name, seed, device, components, variants, workload, ArtifactSettings.NONE);
    }
}
