package io.edgetwin.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetwin.core.deployment.Deployment;
import io.edgetwin.core.deployment.DeploymentComponent;
import io.edgetwin.core.deployment.FailurePolicy;
import io.edgetwin.core.recipe.RecipeStore;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipes and artifacts fetched from a real S3-compatible server, verified before anything runs. */
class ArtifactInstallerTest {

    private static final String NAME = "com.example.Model";
    private static final byte[] MODEL = "weights: 0.25 0.5 0.75".getBytes(StandardCharsets.UTF_8);
    private static LocalS3 s3;

    @TempDir
    Path root;

    @BeforeAll
    static void startStore() throws Exception {
        s3 = new LocalS3();
    }

    @AfterAll
    static void stopStore() throws Exception {
        s3.close();
    }

    @Test
    void artifactWithAMatchingDigestLandsInItsComponentVersionFolder() throws Exception {
        s3.put("a/1.0.0/model.bin", MODEL);
        installer(recipe("1.0.0", "s3://components/a/1.0.0/model.bin", sha256(MODEL))).prepare(deployment("1.0.0"));

        assertThat(root.resolve("artifacts/" + NAME + "/1.0.0/model.bin")).hasBinaryContent(MODEL);
    }

    @Test
    void oneCorruptByteFailsWithADigestMismatchNamingTheArtifactAndInstallsNothing() throws Exception {
        byte[] corrupt = MODEL.clone();
        corrupt[3] ^= 1;
        s3.put("b/1.0.0/model.bin", corrupt);

        assertThatThrownBy(() -> installer(recipe("1.0.0", "s3://components/b/1.0.0/model.bin", sha256(MODEL)))
                .prepare(deployment("1.0.0")))
                .isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith("ARTIFACT_DIGEST_MISMATCH: artifact s3://components/b/1.0.0/model.bin of "
                        + NAME + " 1.0.0: expected SHA-256 " + sha256(MODEL) + ", downloaded " + sha256(corrupt));
        try (var files = Files.walk(root.resolve("artifacts"))) {
            assertThat(files.filter(Files::isRegularFile)).as("neither the file nor a partial download").isEmpty();
        }
    }

    @Test
    void anObjectMissingFromTheStoreFailsWithArtifactNotFound() throws Exception {
        assertThatThrownBy(() -> installer(recipe("1.0.0", "s3://components/nowhere/model.bin", sha256(MODEL)))
                .prepare(deployment("1.0.0")))
                .hasMessage("ARTIFACT_NOT_FOUND: s3://components/nowhere/model.bin does not exist in the artifact store");
    }

    @Test
    void aFileAlreadyInPlaceWithTheRightDigestIsNotDownloadedAgain() throws Exception {
        Path file = Files.createDirectories(root.resolve("artifacts/" + NAME + "/1.0.0")).resolve("kept.bin");
        Files.write(file, MODEL);

        installer(recipe("1.0.0", "s3://components/deleted/kept.bin", sha256(MODEL))).prepare(deployment("1.0.0"));

        assertThat(file).hasBinaryContent(MODEL);
    }

    @Test
    void theRecipeOfAVersionTheDeviceDoesNotShipIsFetchedFromTheComponentStore() throws Exception {
        s3.put("c/2.0.0/model.bin", MODEL);
        s3.put("store/recipes/" + NAME + "-2.0.0.yaml",
                recipe("2.0.0", "s3://components/c/2.0.0/model.bin", sha256(MODEL)).getBytes(StandardCharsets.UTF_8));
        RecipeStore recipes = RecipeStore.load(Files.createDirectories(root.resolve("recipes")));

        new ArtifactInstaller(recipes, root, Optional.of(s3.settings()), Optional.of(s3.artifacts()))
                .prepare(deployment("2.0.0"));

        assertThat(recipes.find(NAME, "2.0.0").artifacts()).hasSize(1);
        assertThat(root.resolve("artifacts/" + NAME + "/2.0.0/model.bin")).hasBinaryContent(MODEL);
    }

    @Test
    void aFetchedRecipeThatNamesAnotherVersionFailsAsInvalidAndIsNotInstalled() throws Exception {
        s3.put("store/recipes/" + NAME + "-3.0.0.yaml",
                recipe("2.9.0", "s3://components/c/model.bin", sha256(MODEL)).getBytes(StandardCharsets.UTF_8));
        RecipeStore recipes = RecipeStore.load(Files.createDirectories(root.resolve("recipes")));

        assertThatThrownBy(() -> new ArtifactInstaller(recipes, root, Optional.of(s3.settings()), Optional.of(s3.artifacts()))
                .prepare(deployment("3.0.0")))
                .hasMessage("RECIPE_INVALID: s3://components/store/recipes/" + NAME + "-3.0.0.yaml holds " + NAME
                        + "@2.9.0; expected " + NAME + "@3.0.0");
        assertThat(recipes.contains(NAME, "3.0.0")).isFalse();
    }

    @Test
    void anS3ArtifactOnADeviceWithoutAStoreFailsNamingTheMissingSetting() throws Exception {
        Path recipes = Files.createDirectories(root.resolve("recipes"));
        Files.writeString(recipes.resolve("r.yaml"), recipe("1.0.0", "s3://components/x/model.bin", sha256(MODEL)));

        assertThatThrownBy(() -> new ArtifactInstaller(RecipeStore.load(recipes), root, Optional.empty(), Optional.empty())
                .prepare(deployment("1.0.0")))
                .hasMessageStartingWith("ARTIFACT_STORE_NOT_CONFIGURED: ")
                .hasMessageContaining("EDGETWIN_S3_ENDPOINT");
    }

    private ArtifactInstaller installer(String recipe) throws Exception {
        Path recipes = Files.createDirectories(root.resolve("recipes"));
        Files.writeString(recipes.resolve("recipe.yaml"), recipe);
        return new ArtifactInstaller(RecipeStore.load(recipes), root, Optional.of(s3.settings()), Optional.of(s3.artifacts()));
    }

    private static Deployment deployment(String version) {
        return new Deployment("d-" + version, List.of(new DeploymentComponent(NAME, version, Map.of(),
                ResourceLimits.NONE)), FailurePolicy.ROLLBACK);
    }

    private static String recipe(String version, String uri, String digest) {
        return """
                RecipeFormatVersion: '2020-01-25'
                ComponentName: %s
                ComponentVersion: '%s'
                Manifests:
                  - Platform: {os: linux}
                    Lifecycle: {Run: 'cat {artifacts:path}/model.bin'}
                    Artifacts:
                      - URI: %s
                        Digest: %s
                        Algorithm: SHA-256
                """.formatted(NAME, version, uri, digest);
    }

    static String sha256(byte[] content) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
