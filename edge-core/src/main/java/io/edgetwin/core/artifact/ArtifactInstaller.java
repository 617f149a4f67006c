package io.edgetwin.core.artifact;

import io.edgetwin.core.artifact.ArtifactException.Code;
import io.edgetwin.core.component.RecipeVariables;
import io.edgetwin.core.deployment.Deployment;
import io.edgetwin.core.deployment.DeploymentComponent;
import io.edgetwin.core.deployment.Preparation;
import io.edgetwin.core.recipe.Artifact;
import io.edgetwin.core.recipe.Recipe;
import io.edgetwin.core.recipe.RecipeReader;
import io.edgetwin.core.recipe.RecipeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a deployment before it changes anything: a component version the device has no recipe for
 * gets its recipe from the component store, then every {@code s3://} artifact of every component is
 * downloaded into {@code {artifacts:path}} ({@code artifacts/<name>/<version>/<file>}) and checked
 * against the recipe's {@code Digest} ({@code Algorithm}, default SHA-256).
 * <p>A download goes to a temporary file beside its target and is moved into place only once its
 * digest matched, so a corrupt or missing object never replaces a good file. A file already in place
 * with the right digest is not downloaded again (rollbacks and redeployments are free).
 */
public final class ArtifactInstaller implements Preparation {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactInstaller.class);

    private final RecipeStore recipes;
    private final Path rootPath;
    private final Optional<S3Settings> settings;
    private final Optional<S3Artifacts> store;

    public ArtifactInstaller(RecipeStore recipes, Path rootPath, Optional<S3Settings> settings,
                             Optional<S3Artifacts> store) {
        this.recipes = recipes;
        this.rootPath = rootPath;
        this.settings = settings;
        this.store = store;
    }

    @Override
    public void prepare(Deployment deployment) {
        for (DeploymentComponent c : deployment.components()) {
            fetchRecipe(c.name(), c.version());
            if (recipes.contains(c.name(), c.version())) {
                Recipe recipe = recipes.find(c.name(), c.version());
                for (Artifact artifact : recipe.artifacts()) {
                    install(recipe, artifact);
                }
            }
        }
    }

    /** A missing recipe is left for the deployer to REJECT, naming the installed ones. */
    private void fetchRecipe(String name, String version) {
        if (recipes.contains(name, version) || store.isEmpty()) {
            return;
        }
        settings.flatMap(s -> s.recipe(name, version)).ifPresent(location -> store.get().text(location).ifPresent(text -> {
            recipes.add(parse(location, name, version, text));
            LOG.info("recipe-fetched component={} version={} from={}", name, version, location);
        }));
    }

    private static Recipe parse(S3Location location, String name, String version, String text) {
        Recipe recipe;
        try {
            recipe = new RecipeReader().parse(location.toString(), text);
        } catch (RuntimeException e) {
            throw new ArtifactException(Code.RECIPE_INVALID, e.getMessage());
        }
        if (!recipe.name().equals(name) || !recipe.version().equals(version)) {
            throw new ArtifactException(Code.RECIPE_INVALID, location + " holds " + recipe.id() + "; expected " + name + "@" + version);
        }
        return recipe;
    }

    private void install(Recipe recipe, Artifact artifact) {
        String what = "artifact " + artifact.uri() + " of " + recipe.name() + " " + recipe.version();
        if (!S3Location.isS3(artifact.uri())) {
            throw new ArtifactException(Code.ARTIFACT_URI_UNSUPPORTED, what + ": only s3:// artifacts can be fetched");
        }
        S3Artifacts s3 = store.orElseThrow(() -> new ArtifactException(Code.ARTIFACT_STORE_NOT_CONFIGURED,
                what + ": this device has no artifact store (EDGETWIN_S3_ENDPOINT is not set)"));
        S3Location location = S3Location.parse(artifact.uri());
        Path dir = RecipeVariables.artifactsPath(rootPath, recipe.name(), recipe.version());
        Path target = dir.resolve(location.fileName());
        String algorithm = artifact.algorithm().orElse("SHA-256");
        if (artifact.digest().isPresent() && artifact.digest().get().equals(digestOf(target, what, algorithm))) {
            return;
        }
        Path partial = createPartial(dir, location.fileName(), what);
        try {
            String actual = s3.download(location, partial, messageDigest(algorithm, what));
            if (artifact.digest().isPresent() && !artifact.digest().get().equals(actual)) {
                throw new ArtifactException(Code.ARTIFACT_DIGEST_MISMATCH, what + ": expected " + algorithm + " "
                        + artifact.digest().get() + ", downloaded " + actual);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("artifact-installed component={} version={} uri={} path={} verified={}", recipe.name(),
                    recipe.version(), artifact.uri(), target, artifact.digest().isPresent());
        } catch (IOException e) {
            throw new ArtifactException(Code.ARTIFACT_DOWNLOAD_FAILED, what + ": cannot move it to " + target + ": " + e);
        } finally {
            removePartial(partial);
        }
    }

    /** The digest of a file already in place, or null when there is none. */
    private static String digestOf(Path file, String what, String algorithm) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        MessageDigest digest = messageDigest(algorithm, what);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return null;
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    private static MessageDigest messageDigest(String algorithm, String what) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new ArtifactException(Code.ARTIFACT_ALGORITHM_UNSUPPORTED, what + ": Algorithm '" + algorithm
                    + "' is not supported; expected SHA-256, SHA-384 or SHA-512");
        }
    }

    private static Path createPartial(Path dir, String fileName, String what) {
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve("." + fileName + ".partial");
            Files.deleteIfExists(partial);
            return partial;
        } catch (IOException e) {
            throw new ArtifactException(Code.ARTIFACT_DOWNLOAD_FAILED, what + ": cannot create " + dir + ": " + e);
        }
    }

    /** Never throws: it runs while a download failure may be on its way out. */
    private static void removePartial(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("artifact-partial-left path={} error={}", file, e.toString());
        }
    }
}
