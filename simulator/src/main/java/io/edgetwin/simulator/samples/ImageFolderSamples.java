package io.edgetwin.simulator.samples;

import io.edgetwin.simulator.load.Sample;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A user's images in the ImageFolder convention: {@code root/<label>/<name>.png|jpg|jpeg}, the folder's
 * name being every image's label. Each image is sent as its pixels (0–255), channel by channel and row
 * by row ({@code [channels, height, width]}, as PyTorch takes images): grayscale images have one
 * channel, colour images three (RGB; alpha is dropped). Every image must have the first one's size and
 * channel count: resizing is the model's preprocessing, not the harness's.
 */
public final class ImageFolderSamples {

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private ImageFolderSamples() {
    }

    /** @throws IllegalArgumentException naming the folder or image and what was expected */
    public static List<Sample> read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("image folder '" + root + "' does not exist; expected root/<label>/*.png");
        }
        List<Path> labels;
        try (Stream<Path> entries = Files.list(root)) {
            labels = entries.filter(Files::isDirectory).sorted().toList();
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("image folder '" + root + "' has no label folders; expected"
                    + " root/<label>/*.png|jpg (the ImageFolder convention: one folder per label)");
        }
        List<Sample> samples = new ArrayList<>();
        int[] format = null;
        for (Path labelDir : labels) {
            List<Path> images;
            try (Stream<Path> entries = Files.list(labelDir)) {
                images = entries.filter(ImageFolderSamples::isImage).sorted().toList();
            }
            if (images.isEmpty()) {
                throw new IllegalArgumentException("label folder '" + labelDir + "' has no .png, .jpg or .jpeg images");
            }
            for (Path image : images) {
                BufferedImage picture = decode(image);
                int channels = picture.getRaster().getNumBands() >= 3 ? 3 : 1;
                int[] shape = {channels, picture.getHeight(), picture.getWidth()};
                if (format == null) {
                    format = shape;
                } else if (!java.util.Arrays.equals(format, shape)) {
                    throw new IllegalArgumentException("image '" + image + "' is " + describe(shape) + "; expected "
                            + describe(format) + " like the first image (resize your images beforehand)");
                }
                samples.add(new Sample(labelDir.getFileName().toString(), pixels(picture.getRaster(), channels)));
            }
        }
        return samples;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static BufferedImage decode(Path image) throws IOException {
        BufferedImage picture;
        try {
            picture = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("image '" + image + "' cannot be decoded: " + e.getMessage(), e);
        }
        if (picture == null) {
            throw new IllegalArgumentException("image '" + image + "' cannot be decoded; expected a PNG or JPEG file");
        }
        return picture;
    }

    private static String pixels(Raster raster, int channels) {
        StringBuilder json = new StringBuilder("[");
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < raster.getHeight(); y++) {
                for (int x = 0; x < raster.getWidth(); x++) {
                    json.append(json.length() > 1 ? "," : "").append(raster.getSample(x, y, c));
                }
            }
        }
        return json.append(']').toString();
    }

    private static String describe(int[] shape) {
        return shape[2] + "×" + shape[1] + " with " + shape[0] + (shape[0] == 1 ? " channel (grayscale)" : " channels (RGB)");
    }
}
