package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.wan.RoundTrip;
import io.edgetwin.simulator.wan.WanProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a variant's {@code inference} ({@code edge}, the default, or {@code cloud}) and {@code link}
 * (a built-in WAN profile, or one with some of its numbers replaced; required with {@code cloud}, refused
 * without it), and points a cloud
 * variant's workload component at its forwarding version ({@code <version>-cloud}, shipped in the twin
 * image).
 */
final class PlacementReader {

    private static final Set<String> LINK = Set.of("profile", "rtt", "loss", "up", "down");
    private static final Pattern QUANTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");

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
        return new Placement.Cloud(link.plain() instanceof Map ? customised(link) : builtIn(link));
    }

    private static WanProfile builtIn(Node name) {
        return WanProfile.named(name.text()).orElseThrow(() -> name.error("unknown WAN profile '"
                + Node.shown(name.text(), 80) + "'; expected one of " + WanProfile.names()));
    }

    /** {@code {profile: lte-good, rtt: {p0: 20ms, p50: 40ms, p100: 200ms}, loss: 1%, up: 1m/s, down: 5m/s}}. */
    private static WanProfile customised(Node link) {
        Map<String, Node> f = link.mapping(LINK);
        WanProfile base = builtIn(Nodes.required(link, f, "profile"));
        RoundTrip rtt = f.containsKey("rtt") ? roundTrip(f.get("rtt")) : base.rtt();
        double loss = f.containsKey("loss") ? Quantities.percent(f.get("loss")) : base.lossPercent();
        long up = f.containsKey("up") ? Quantities.bytesPerSecond(f.get("up")) : base.upBytesPerSecond();
        long down = f.containsKey("down") ? Quantities.bytesPerSecond(f.get("down")) : base.downBytesPerSecond();
        return new WanProfile(base.name() + "*", rtt, loss, up, down);
    }

    /** Quantiles {@code pNN: duration}, from {@code p0} (the fastest round trip) to {@code p100} (the slowest). */
    private static RoundTrip roundTrip(Node node) {
        List<RoundTrip.Quantile> points = new ArrayList<>();
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            Matcher m = QUANTILE.matcher(e.getKey());
            double p = m.matches() ? Double.parseDouble(m.group(1)) : -1;
            if (p < 0 || p > 100) {
                throw e.getValue().error("'" + Node.shown(e.getKey(), 80) + "' is not a quantile; expected p0 to p100, e.g. p50");
            }
            points.add(new RoundTrip.Quantile(p / 100, Quantities.duration(e.getValue()).toNanos() / 1e6));
        }
        points.sort(java.util.Comparator.comparingDouble(RoundTrip.Quantile::p));
        try {
            return new RoundTrip.Quantiles(points);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage() + " (p0 is the fastest round trip, p100 the slowest)");
        }
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
