package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.cloud.ModelFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A user's model file that cannot fit in the memory limit of the component that would load it: the
 * weights alone are larger than the limit, so the component could only be OOM-killed while loading.
 * Refused before any twin starts, naming the file, its size and the limit.
 */
final class ModelSize {

    private ModelSize() {
    }

    static void check(List<Variant> variants, ArtifactSettings artifacts, Node variantsNode) {
        for (Variant variant : variants) {
            for (Release release : artifacts.releases()) {
                if (release.modelDir() == null
                        || !variant.overrideOf(release.component()).version().map(release.version()::equals).orElse(false)) {
                    continue;
                }
                Long memoryKb = variant.limitsOf(release.component()) == null ? null
                        : variant.limitsOf(release.component()).memoryKb();
                long bytes = size(ModelFolder.read(release.modelDir()));
                if (memoryKb != null && bytes > memoryKb * 1024) {
                    throw variantsNode.error(variant.name() + ": the model file of " + release.id() + " ("
                            + release.model() + ") is " + bytes + " bytes; the component's memory limit is " + memoryKb
                            + " KB (" + memoryKb * 1024 + " bytes), too small to load it; expected a limit above the"
                            + " model's size (weights, the engine and the JVM all count)");
                }
            }
        }
    }

    private static long size(ModelFolder folder) {
        try {
            return Files.size(folder.modelFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + folder.modelFile(), e);
        }
    }
}
