package io.edgetwin.simulator.samples;

import io.edgetwin.simulator.load.Sample;
import io.edgetwin.simulator.load.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a workload's inputs come from ({@code workload.input}, docs/scenarios.md). A sample without a
 * label ({@link #UNLABELLED}) is sent like any other and never counted as a correct answer.
 */
public sealed interface SampleSource {

    /** The label of a sample whose file gave none: no answer matches it. */
    String UNLABELLED = "";

    /**
     * Reads every sample.
     *
     * @param models the twin image's models folder (for {@link BuiltIn})
     * @throws IOException or IllegalArgumentException naming the file, the place and what was expected
     */
    List<Sample> read(Path models) throws IOException;

    /** The held-out {@code samples.csv} of a model the twin image ships. */
    record BuiltIn(String model) implements SampleSource {
        public BuiltIn {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public List<Sample> read(Path models) throws IOException {
            return Samples.read(models.resolve(model).resolve("samples.csv"));
        }
    }

    /** One flattened input per row, with an optional {@code label} column first. */
    record Csv(Path file) implements SampleSource {
        public Csv {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public List<Sample> read(Path models) throws IOException {
            return CsvSamples.read(file);
        }
    }

    /** A NumPy array, one input per index of its first dimension, with labels one per line in {@code labels} (optional). */
    record Npy(Path file, Path labels) implements SampleSource {
        public Npy {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public List<Sample> read(Path models) throws IOException {
            return NpySamples.read(file, labels);
        }
    }

    /** {@code root/<label>/*.png|jpg}: the folder's name is the label, pixels 0–255 channel by channel. */
    record ImageFolder(Path root) implements SampleSource {
        public ImageFolder {
            Objects.requireNonNull(root, "root");
        }

        @Override
        public List<Sample> read(Path models) throws IOException {
            return ImageFolderSamples.read(root);
        }
    }
}
