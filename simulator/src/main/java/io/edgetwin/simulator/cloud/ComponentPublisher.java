package io.edgetwin.simulator.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Publishes {@link ModelRelease}s to the artifact store the way Greengrass's component registry holds
 * them: each file of the model (its weights and {@code model.json}) under
 * {@code artifacts/<component>/<version>/}, and the recipe, with {@code URI}, {@code Digest} and
 * {@code Algorithm} per artifact, under {@code recipes/<component>-<version>.yaml}, where a twin's core
 * looks for the recipe of a version it does not ship.
 */
public final class ComponentPublisher {

    private static final String MODEL_VARIABLE = "{configuration:/model}";

    private final ArtifactStore store;
    private final Path recipes;
    private final Path models;

    /**
     * @param recipes the twin image's recipes (the base versions)
     * @param models  the trained models, one folder per model
     */
    public ComponentPublisher(ArtifactStore store, Path recipes, Path models) {
        this.store = store;
        this.recipes = recipes;
        this.models = models;
    }

    /** Uploads the model's files and the recipe; returns the artifacts as the recipe names them. */
    public List<StoredArtifact> publish(ModelRelease release) {
        List<StoredArtifact> artifacts = new ArrayList<>();
        List<Path> files = release.modelDir() == null ? modelFiles(release.model())
                : ModelFolder.read(release.modelDir()).files();
        for (Path file : files) {
            artifacts.add(store.upload("artifacts/" + release.component() + "/" + release.version() + "/"
                    + file.getFileName(), file));
        }
        store.put("recipes/" + release.component() + "-" + release.version() + ".yaml", recipe(release, artifacts));
        return artifacts;
    }

    /** The model's weights and manifest; its held-out samples stay with the harness, which sends them. */
    private List<Path> modelFiles(String model) {
        Path dir = models.resolve(model);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".params") || f.getFileName().toString().equals("model.json"))
                    .sorted().toList();
            if (found.size() < 2) {
                throw new CloudException("model '" + model + "' in " + dir + " has no weights or no model.json; expected "
                        + "a trained model (edge-core's build trains them into twin-dist/models)");
            }
            return found;
        } catch (IOException e) {
            throw new CloudException("no model '" + model + "' in " + models + "; expected one of the trained models", e);
        }
    }

    @SuppressWarnings("unchecked")
    String recipe(ModelRelease release, List<StoredArtifact> artifacts) {
        Map<String, Object> recipe = base(release);
        recipe.put("ComponentVersion", release.version());
        recipe.put("ComponentDescription", recipe.get("ComponentDescription") + " Model " + release.model()
                + " from the artifact store.");
        Map<String, Object> configuration = (Map<String, Object>) recipe.get("ComponentConfiguration");
        if (configuration != null && configuration.get("DefaultConfiguration") instanceof Map<?, ?> defaults) {
            ((Map<String, Object>) defaults).put("model", release.modelDir() == null ? release.model()
                    : release.modelDir().getFileName().toString());
        }
        List<Map<String, Object>> manifests = (List<Map<String, Object>>) recipe.get("Manifests");
        for (Map<String, Object> manifest : manifests) {
            Map<String, Object> lifecycle = (Map<String, Object>) manifest.get("Lifecycle");
            String run = String.valueOf(lifecycle.get("Run"));
            if (!run.contains(MODEL_VARIABLE)) {
                throw new CloudException(recipes + ": the run step of " + release.component() + " " + release.baseVersion()
                        + " does not name " + MODEL_VARIABLE + "; cannot point it at the downloaded model");
            }
            lifecycle.put("Run", run.replace(MODEL_VARIABLE, "{artifacts:path}"));
            manifest.put("Artifacts", artifacts.stream().map(a -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("URI", a.uri());
                entry.put("Digest", a.digest());
                entry.put("Algorithm", StoredArtifact.ALGORITHM);
                return entry;
            }).toList());
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        return new Yaml(options).dump(recipe);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> base(ModelRelease release) {
        Path file = recipes.resolve(release.component() + "-" + release.baseVersion() + ".yaml");
        try {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("no recipe " + file + " for " + release.component() + " " + release.baseVersion(), e);
        }
    }
}
