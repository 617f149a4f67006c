package io.edgetwin.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Synthetic 64×64 8-bit grayscale close-ups of the face of a turned metal part, as an inspection
 * camera would see them, labelled {@code ok}, {@code scratch} or {@code dent}.
 *
 * <p>Every image shows the machined surface filling the frame: a base brightness (90–170), a linear
 * lighting gradient in a random direction (10–40 grey levels across the frame), concentric turning
 * marks around a centre 40–200 px outside the middle (so they show as arcs or nearly straight
 * grooves, period 2.2–4.5 px, amplitude 2–8) and gaussian sensor noise (σ 2–7). A defect lies
 * anywhere at least 8 px from the border:
 *
 * <ul>
 *   <li>scratch: a thin line segment 8–20 px long and about one pixel wide (σ 0.45–0.8 px), bright
 *       or dark by 25–60 grey levels, at any angle (so sometimes along the turning marks);
 *   <li>dent: a dark gaussian blob (σ 1.5–3 px, 25–60 grey levels deep) with a soft edge and a
 *       faint highlight on its lit side.
 * </ul>
 *
 * <p>Pixels are whole numbers in [0, 255], stored as floats in row-major order. Every draw comes
 * from the {@link RandomGenerator} handed in, so a seed fixes the data set. Not thread-safe.
 */
public final class PartImages {

    public static final int SIZE = 64;
    public static final String OK = "ok";
    public static final String SCRATCH = "scratch";
    public static final String DENT = "dent";
    /** Labels in the order of the model's outputs. */
    public static final List<String> LABELS = List.of(OK, SCRATCH, DENT);
    /** The model input shape: one channel of {@value #SIZE}×{@value #SIZE}. */
    public static final List<Integer> INPUT_SHAPE = List.of(1, SIZE, SIZE);

    private static final double MIDDLE = (SIZE - 1) / 2.0;
    private static final int DEFECT_MARGIN = 8;

    private final RandomGenerator random;

    public PartImages(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A generator whose whole output is fixed by {@code seed}. */
    public static PartImages seeded(long seed) {
        return new PartImages(new SplittableRandom(seed));
    }

    /** {@code count} images, exactly a third of each label, in shuffled order. */
    public List<LabeledSample> balanced(int count) {
        if (count <= 0 || count % LABELS.size() != 0) {
            throw new IllegalArgumentException("balanced image count must be a positive multiple of "
                    + LABELS.size() + "; got " + count);
        }
        List<LabeledSample> images = new ArrayList<>(count);
        for (int i = 0; i < count / LABELS.size(); i++) {
            for (String label : LABELS) {
                images.add(new LabeledSample(label, image(label)));
            }
        }
        for (int i = images.size() - 1; i > 0; i--) {
            Collections.swap(images, i, random.nextInt(i + 1));
        }
        return images;
    }

    /** One image of a part that is {@code ok} or carries the defect named by {@code label}. */
    public float[] image(String label) {
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("unknown part image label '" + label + "'; expected one of " + LABELS);
        }
        double lightAngle = random.nextDouble(0, 2 * Math.PI);
        double[] light = {Math.cos(lightAngle), Math.sin(lightAngle)};
        double[] pixels = surface(light);
        if (label.equals(SCRATCH)) {
            addScratch(pixels);
        } else if (label.equals(DENT)) {
            addDent(pixels, light);
        }
        return withNoise(pixels);
    }

    private double[] surface(double[] light) {
        double level = random.nextDouble(90, 170);
        double gradient = random.nextDouble(10, 40);
        double centreAngle = random.nextDouble(0, 2 * Math.PI);
        double centreDistance = random.nextDouble(40, 200);
        double centreX = MIDDLE + centreDistance * Math.cos(centreAngle);
        double centreY = MIDDLE + centreDistance * Math.sin(centreAngle);
        double markPeriod = random.nextDouble(2.2, 4.5);
        double markAmplitude = random.nextDouble(2, 8);
        double markPhase = random.nextDouble(0, 2 * Math.PI);
        double[] pixels = new double[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double radius = Math.hypot(x - centreX, y - centreY);
                pixels[y * SIZE + x] = level
                        + gradient * ((x - MIDDLE) * light[0] + (y - MIDDLE) * light[1]) / SIZE * 2
                        + markAmplitude * Math.sin(2 * Math.PI * radius / markPeriod + markPhase);
            }
        }
        return pixels;
    }

    private void addScratch(double[] pixels) {
        double middleX = random.nextDouble(DEFECT_MARGIN, SIZE - DEFECT_MARGIN);
        double middleY = random.nextDouble(DEFECT_MARGIN, SIZE - DEFECT_MARGIN);
        double halfLength = random.nextDouble(8, 20) / 2;
        double angle = random.nextDouble(0, Math.PI);
        double alongX = Math.cos(angle);
        double alongY = Math.sin(angle);
        double contrast = random.nextDouble(25, 60) * (random.nextBoolean() ? 1 : -1);
        double width = random.nextDouble(0.45, 0.8);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double along = (x - middleX) * alongX + (y - middleY) * alongY;
                double across = -(x - middleX) * alongY + (y - middleY) * alongX;
                // anti-aliased ends: full strength inside the segment, fading over one pixel
                double ends = Math.min(1, halfLength + 0.5 - Math.abs(along));
                if (ends > 0) {
                    pixels[y * SIZE + x] += contrast * ends * Math.exp(-across * across / (2 * width * width));
                }
            }
        }
    }

    private void addDent(double[] pixels, double[] light) {
        double centreX = random.nextDouble(DEFECT_MARGIN, SIZE - DEFECT_MARGIN);
        double centreY = random.nextDouble(DEFECT_MARGIN, SIZE - DEFECT_MARGIN);
        double sigma = random.nextDouble(1.5, 3);
        double depth = random.nextDouble(25, 60);
        double highlight = depth * random.nextDouble(0.0, 0.5);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double dx = x - centreX;
                double dy = y - centreY;
                // the far wall of the dent faces the light
                double hx = dx + light[0] * sigma;
                double hy = dy + light[1] * sigma;
                pixels[y * SIZE + x] += -depth * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma))
                        + highlight * Math.exp(-(hx * hx + hy * hy) / (sigma * sigma));
            }
        }
    }

    private float[] withNoise(double[] pixels) {
        double noiseSigma = random.nextDouble(2, 7);
        float[] image = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            double value = pixels[i] + noiseSigma * random.nextGaussian();
            image[i] = (float) Math.rint(Math.max(0, Math.min(255, value)));
        }
        return image;
    }
}
