package io.edgetwin.simulator.twin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The twin image, built offline by {@code docker/build-twin-image.sh} from the edge core's build output
 * ({@code edge-core/target/twin-dist}). The script tags the image by a content hash and returns at once
 * when that tag exists, so asking for the image of an unchanged project costs no rebuild.
 */
public final class TwinImage {

    private final Path projectRoot;

    public TwinImage(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    public Path twinDist() {
        return projectRoot.resolve("edge-core/target/twin-dist");
    }

    public Path recipes() {
        return twinDist().resolve("recipes");
    }

    public Path models() {
        return twinDist().resolve("models");
    }

    /** Builds the image if its content hash is not tagged yet; returns the image reference. */
    public String ensureBuilt(Consumer<String> progress) {
        Path script = projectRoot.resolve("docker/build-twin-image.sh");
        if (!Files.isDirectory(twinDist().resolve("lib"))) {
            throw new TwinException("the edge core is not built (" + twinDist() + " is missing); run `mvn -q -DskipTests package` first");
        }
        List<String> stdout = new ArrayList<>();
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--dist", twinDist().toString())
                    .directory(projectRoot.toFile())
                    .start();
            Thread errors = new Thread(() -> lines(process.getErrorStream(), progress), "image-build-progress");
            errors.start();
            lines(process.getInputStream(), stdout::add);
            int code = process.waitFor();
            errors.join();
            if (code != 0 || stdout.isEmpty()) {
                throw new TwinException("building the twin image failed (exit " + code + "); see the lines above");
            }
        } catch (IOException e) {
            throw new TwinException("cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinException("interrupted while building the twin image");
        }
        return stdout.get(stdout.size() - 1).trim();
    }

    private static void lines(java.io.InputStream stream, Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().forEach(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
