package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.cloud.ModelFolder;
import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.samples.SampleSource;
import java.io.IOException;
import java.util.List;

/**
 * The user's samples against the user's models: every input of a samples file must have as many values
 * as each released model folder's {@code input.shape} holds, or the run would only find out from the
 * twins' error answers.
 */
final class SampleWidth {

    private SampleWidth() {
    }

    static void check(Workload workload, ArtifactSettings artifacts, Node workloadNode) {
        if (workload.input() instanceof SampleSource.BuiltIn) {
            return;
        }
        List<Release> userReleases = artifacts.releases().stream().filter(r -> r.modelDir() != null).toList();
        if (userReleases.isEmpty()) {
            return;
        }
        List<Sample> samples;
        try {
            samples = workload.input().read(null);
        } catch (IOException | IllegalArgumentException e) {
            throw workloadNode.error(e.getMessage());
        }
        int width = values(samples.get(0));
        for (Release release : userReleases) {
            int expected = ModelFolder.read(release.modelDir()).inputLength();
            if (expected != width) {
                throw workloadNode.error("input: the samples '" + workload.samples() + "' have " + width
                        + " values per input; release " + release.id() + " (" + release.model() + ") takes "
                        + expected + " (its manifest's input.shape)");
            }
        }
    }

    private static int values(Sample sample) {
        String json = sample.inputJson();
        return json.equals("[]") ? 0 : (int) json.chars().filter(c -> c == ',').count() + 1;
    }
}
