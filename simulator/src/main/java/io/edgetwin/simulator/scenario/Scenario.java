package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.fault.Fault;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario file, validated: one device size (and the built-in profile it came from, or null), how
 * many twins each variant runs, the components every twin runs, two or more variants (limits), the
 * workload, faults, validity rules and how variants share the host. Components keep file order: the
 * core starts them in that order. {@code text} is the file as read. Format: docs/scenarios.md.
 */
public record Scenario(Path file, String text, String name, long seed, DeviceSpec device, DeviceProfile profile, int twins,
                       Map<String, ScenarioComponent> components, List<Variant> variants, Workload workload,
                       List<Fault> faults, ValidityRules validity, Execution execution) {

    public Scenario {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        variants = List.copyOf(variants);
        faults = List.copyOf(faults);
        if (twins < 1) {
            throw new IllegalArgumentException("fleet.twins " + twins + " must be at least 1");
        }
    }

    /** How variants share the host. */
    public enum Execution {
        /** One variant after another, each alone on the host. */
        SEQUENTIAL,
        /** All variants' fleets up at once, the load alternating between variants in rounds. */
        INTERLEAVED
    }
}
