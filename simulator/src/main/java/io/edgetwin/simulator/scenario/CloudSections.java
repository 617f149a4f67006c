package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.cloud.ModelFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the parts of a scenario that concern the cloud side and model releases: the top-level
 * {@code artifacts} section and a variant's per-component {@code version} and {@code configuration}
 * (docs/scenarios.md, docs/cloud.md).
 */
final class CloudSections {

    private static final Set<String> ARTIFACTS = Set.of("store", "releases");
    private static final Set<String> RELEASE = Set.of("component", "from", "version", "model");
    private static final Set<String> STORES = Set.of("auto", "embedded", "localstack");

    private CloudSections() {
    }

    static ArtifactSettings artifacts(Node node, RecipeCatalog catalog, Path scenarioFile) {
        if (node == null) {
            return ArtifactSettings.NONE;
        }
        Map<String, Node> fields = node.mapping(ARTIFACTS);
        String store = fields.containsKey("store") ? fields.get("store").text().trim() : "auto";
        if (!STORES.contains(store)) {
            throw fields.get("store").error("'" + store + "' is not an artifact store; expected auto, embedded or localstack");
        }
        List<Release> releases = new ArrayList<>();
        if (fields.containsKey("releases")) {
            for (Node entry : fields.get("releases").sequence()) {
                releases.add(release(entry, catalog, releases, scenarioFile));
            }
        }
        return new ArtifactSettings(store, releases);
    }

    private static Release release(Node entry, RecipeCatalog catalog, List<Release> earlier, Path scenarioFile) {
        Map<String, Node> fields = entry.mapping(RELEASE);
        for (String key : List.of("component", "from", "version", "model")) {
            if (!fields.containsKey(key)) {
                throw entry.error("'" + key + "' is missing; a release needs component, from, version and model");
            }
        }
        Release release = new Release(fields.get("component").text(), fields.get("from").text(), fields.get("version").text(),
                fields.get("model").text(), modelDir(fields.get("model"), scenarioFile));
        if (!catalog.contains(release.component(), release.from())) {
            throw fields.get("from").error("the twin image has no recipe " + release.component() + "@" + release.from()
                    + " to release from; expected one of " + catalog.ids());
        }
        if (catalog.contains(release.component(), release.version())
                || earlier.stream().anyMatch(r -> r.id().equals(release.id()))) {
            throw fields.get("version").error(release.id() + " already exists; a release needs a version of its own");
        }
        return release;
    }

    /**
     * The user's model folder a release's {@code model} names (anything with a {@code /}, relative to the
     * scenario file), checked now so a missing manifest or model file stops the run before anything starts;
     * null for the name of a model the twin image ships.
     */
    private static Path modelDir(Node model, Path scenarioFile) {
        if (!model.text().contains("/")) {
            return null;
        }
        Path dir = scenarioFile.toAbsolutePath().getParent().resolve(model.text()).normalize();
        try {
            ModelFolder.read(dir);
        } catch (IllegalArgumentException e) {
            throw model.error(e.getMessage());
        }
        return dir;
    }

    /**
     * A variant's {@code version} and {@code configuration} for one component; the version must be one
     * the twin image ships or one the scenario releases.
     */
    static ComponentOverride override(String component, Map<String, Node> fields,
                                       RecipeCatalog catalog, ArtifactSettings artifacts) {
        Optional<String> version = Optional.empty();
        if (fields.containsKey("version")) {
            String v = fields.get("version").text();
            if (!catalog.contains(component, v) && !artifacts.releases(component, v)) {
                throw fields.get("version").error("unknown version " + v + " of '" + component + "'; expected one of the "
                        + "twin's recipes " + catalog.ids() + " or a release under artifacts.releases");
            }
            version = Optional.of(v);
        }
        Map<String, Object> configuration = Map.of();
        if (fields.containsKey("configuration")) {
            configuration = ScenarioReader.configuration(fields.get("configuration"));
        }
        return new ComponentOverride(version, configuration);
    }
}
