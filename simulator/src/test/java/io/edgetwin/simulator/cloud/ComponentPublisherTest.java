package io.edgetwin.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** Releases published to the embedded S3 server, read back through the SDK as a twin's core would. */
class ComponentPublisherTest {

    private static final String RECIPE = """
            RecipeFormatVersion: '2020-01-25'
            ComponentName: com.edgetwin.Inference
            ComponentVersion: '1.0.0'
            ComponentDescription: Runs a classifier.
            ComponentConfiguration:
              DefaultConfiguration: {model: anomaly-mlp, heapMb: 64}
            Manifests:
              - Platform: {os: linux}
                Lifecycle:
                  Run: exec java -cp '{kernel:rootPath}/lib/*' io.edgetwin.inference.InferenceComponent {configuration:/model}
            """;
    private static ArtifactStore store;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStore() {
        store = ArtifactStore.start(ArtifactBackend.EMBEDDED, "test");
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadsTheModelFilesWithTheirSha256AndARecipeThatNamesThemAndRunsFromTheArtifactsPath() throws Exception {
        byte[] weights = "not really weights".getBytes(StandardCharsets.UTF_8);
        Path model = Files.createDirectories(dir.resolve("models/tiny"));
        Files.write(model.resolve("tiny-0000.params"), weights);
        Files.writeString(model.resolve("model.json"), "{}");
        Files.writeString(model.resolve("samples.csv"), "held-out samples stay with the harness");

        List<StoredArtifact> artifacts = publisher().publish(new ModelRelease("com.edgetwin.Inference", "1.0.0", "2.0.0", "tiny"));

        assertThat(artifacts).extracting(StoredArtifact::uri).containsExactly(
                "s3://edgetwin-components/artifacts/com.edgetwin.Inference/2.0.0/model.json",
                "s3://edgetwin-components/artifacts/com.edgetwin.Inference/2.0.0/tiny-0000.params");
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(weights)),
                artifacts.get(1).digest());
        Map<String, Object> recipe = new Yaml().load(read("recipes/com.edgetwin.Inference-2.0.0.yaml"));
        assertEquals("2.0.0", recipe.get("ComponentVersion"));
        assertEquals("2020-01-25", recipe.get("RecipeFormatVersion"));
        Map<?, ?> manifest = (Map<?, ?>) ((List<?>) recipe.get("Manifests")).get(0);
        assertThat(((Map<?, ?>) manifest.get("Lifecycle")).get("Run").toString())
                .endsWith("io.edgetwin.inference.InferenceComponent {artifacts:path}");
        assertThat((List<Object>) manifest.get("Artifacts")).contains((Object) Map.of("URI", artifacts.get(1).uri(),
                "Digest", artifacts.get(1).digest(), "Algorithm", "SHA-256"));
        assertThat(read("artifacts/com.edgetwin.Inference/2.0.0/tiny-0000.params")).isEqualTo("not really weights");
    }

    @Test
    void aModelThatWasNeverTrainedIsAClearError() {
        assertThatThrownBy(() -> publisher().publish(new ModelRelease("com.edgetwin.Inference", "1.0.0", "3.0.0", "nope")))
                .isInstanceOf(CloudException.class)
                .hasMessageContaining("no model 'nope'");
    }

    private ComponentPublisher publisher() throws Exception {
        Path recipes = Files.createDirectories(dir.resolve("recipes"));
        Files.writeString(recipes.resolve("com.edgetwin.Inference-1.0.0.yaml"), RECIPE);
        return new ComponentPublisher(store, recipes, dir.resolve("models"));
    }

    private static String read(String key) {
        return store.client().getObjectAsBytes(GetObjectRequest.builder().bucket(ArtifactStore.BUCKET).key(key).build())
                .asUtf8String();
    }
}
