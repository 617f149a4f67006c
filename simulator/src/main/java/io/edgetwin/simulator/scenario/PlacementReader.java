package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.wan.WanProfile;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a variant's {@code inference} ({@code edge}, the default, or {@code cloud}) and {@code link}
 * (a built-in WAN profile; required with {@code cloud}, refused without it), and points a cloud
 * variant's workload component at its forwarding version ({@code <version>-cloud}, shipped in the twin
 * image).
 */
final class PlacementReader {

    private PlacementReader() {
    }

    static Placement read(Node variant, Map<String, Node> fields) {
        Node inference = fields.get("inference");
        Node link = fields.get("link");
        String word = inference == null ? "edge" : inference.text();
        if (!word.equals("edge") && !word.equals("cloud")) {
            throw inference.error("'" + Node.shown(word, 80) + "' is not a placement; expected edge or cloud");
        }
        if (word.equals("edge")) {
            if (link != null) {
                throw link.error("a link applies to inference: cloud only (an edge variant's inference does not cross the WAN)");
            }
            return Placement.EDGE;
        }
        if (link == null) {
            throw (inference == null ? variant : inference).error("inference: cloud needs a link between twin and cloud; "
                    + "expected e.g. link: lte-good (one of " + WanProfile.names() + ")");
        }
        return new Placement.Cloud(WanProfile.named(link.text()).orElseThrow(() -> link.error("unknown WAN profile '"
                + Node.shown(link.text(), 80) + "'; expected one of " + WanProfile.names())));
    }

    /** {@code overrides} with the workload's component switched to its cloud version, for a cloud variant. */
    static Map<String, ComponentOverride> withPlacement(Placement placement, Map<String, ComponentOverride> overrides,
                                                        ScenarioComponent target, Node where, RecipeCatalog catalog) {
        if (!(placement instanceof Placement.Cloud)) {
            return overrides;
        }
        ComponentOverride own = overrides.getOrDefault(target.name(), ComponentOverride.NONE);
        if (own.version().isPresent()) {
            throw where.error("inference: cloud replaces " + target.name() + "'s version with its cloud version; "
                    + "expected no version of its own in this variant");
        }
        String version = target.version() + Placement.CLOUD_VERSION_SUFFIX;
        if (!catalog.contains(target.name(), version)) {
            throw where.error("inference: cloud needs " + target.name() + " " + version + " (the version that forwards to "
                    + "the cloud) in the twin image; it ships none: expected the workload's target to be com.edgetwin.Inference 1.0.0");
        }
        Map<String, ComponentOverride> switched = new java.util.LinkedHashMap<>(overrides);
        switched.put(target.name(), new ComponentOverride(Optional.of(version), own.configuration()));
        return switched;
    }
}
