package io.edgetwin.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Synthetic single-axis accelerometer windows of a rotating machine, labelled {@code normal} or
 * {@code anomaly}.
 *
 * <p>A window is {@value #WINDOW_LENGTH} samples at {@value #SAMPLE_RATE_HZ} Hz (125 ms, two to
 * four shaft revolutions). A healthy machine shows the shaft rotation (1x) with small 2x/3x
 * harmonics, each with its own phase and jittered amplitude, plus gaussian sensor noise and a small
 * offset. An anomaly is one of three classic faults, drawn with equal probability:
 *
 * <ul>
 *   <li>imbalance: the 1x amplitude is raised 1.5–2.1 times, overlapping the top of the healthy
 *       amplitude range a little;
 *   <li>mechanical looseness: raised 2x–5x harmonics and a half-order (0.5x) subharmonic;
 *   <li>outer-race bearing fault: short resonance bursts repeating at the ball-pass frequency
 *       (3.0–3.6x shaft speed), partly buried in the noise.
 * </ul>
 *
 * <p>Every draw comes from the {@link RandomGenerator} handed in, so a seed fixes the data set.
 * An instance is not thread-safe (the generator is not).
 */
public final class VibrationWindows {

    public static final int WINDOW_LENGTH = 128;
    public static final int SAMPLE_RATE_HZ = 1024;
    public static final String NORMAL = "normal";
    public static final String ANOMALY = "anomaly";
    /** Labels in the order of the model's outputs. */
    public static final List<String> LABELS = List.of(NORMAL, ANOMALY);

    private static final int HIGHEST_ORDER = 5;

    /** The machine state a window is drawn from; every fault is labelled {@value #ANOMALY}. */
    public enum Condition {
        HEALTHY, IMBALANCE, LOOSENESS, BEARING_OUTER_RACE;

        /** {@value #NORMAL} for a healthy machine, {@value #ANOMALY} for any fault. */
        public String label() {
            return this == HEALTHY ? NORMAL : ANOMALY;
        }
    }

    private static final Condition[] FAULTS = {Condition.IMBALANCE, Condition.LOOSENESS, Condition.BEARING_OUTER_RACE};

    private final RandomGenerator random;

    public VibrationWindows(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A generator whose whole output is fixed by {@code seed}. */
    public static VibrationWindows seeded(long seed) {
        return new VibrationWindows(new SplittableRandom(seed));
    }

    /** {@code count} windows, exactly half of them anomalies, in shuffled order. */
    public List<LabeledSample> balanced(int count) {
        if (count <= 0 || count % 2 != 0) {
            throw new IllegalArgumentException("balanced window count must be even and > 0; got " + count);
        }
        List<LabeledSample> windows = new ArrayList<>(count);
        for (int i = 0; i < count / 2; i++) {
            windows.add(new LabeledSample(NORMAL, normal()));
            windows.add(new LabeledSample(ANOMALY, anomaly()));
        }
        shuffle(windows);
        return windows;
    }

    /** One window of a healthy machine. */
    public float[] normal() {
        return window(Condition.HEALTHY);
    }

    /** One window of a machine with a fault picked uniformly from the three kinds. */
    public float[] anomaly() {
        return window(FAULTS[random.nextInt(FAULTS.length)]);
    }

    /** One window of a machine in {@code condition}. */
    public float[] window(Condition condition) {
        Condition fault = Objects.requireNonNull(condition, "condition");
        double shaftHz = random.nextDouble(20.0, 35.0);
        double[] orderAmplitudes = healthyOrders();
        double halfOrderAmplitude = 0.0;
        if (fault == Condition.IMBALANCE) {
            orderAmplitudes[1] *= random.nextDouble(1.6, 2.2);
        } else if (fault == Condition.LOOSENESS) {
            raiseHarmonics(orderAmplitudes);
            halfOrderAmplitude = orderAmplitudes[1] * random.nextDouble(0.15, 0.3);
        }
        double[] signal = new double[WINDOW_LENGTH];
        addOrders(signal, shaftHz, orderAmplitudes);
        addSinusoid(signal, 0.5 * shaftHz, halfOrderAmplitude);
        if (fault == Condition.BEARING_OUTER_RACE) {
            addOuterRaceImpulses(signal, shaftHz);
        }
        return withNoise(signal);
    }

    /** Amplitude per shaft order (index = order); index 0 is unused. */
    private double[] healthyOrders() {
        double[] amplitudes = new double[HIGHEST_ORDER + 1];
        amplitudes[1] = random.nextDouble(0.8, 1.2);
        amplitudes[2] = amplitudes[1] * random.nextDouble(0.05, 0.25);
        amplitudes[3] = amplitudes[1] * random.nextDouble(0.0, 0.1);
        return amplitudes;
    }

    private void raiseHarmonics(double[] amplitudes) {
        for (int order = 2; order <= HIGHEST_ORDER; order++) {
            amplitudes[order] = Math.max(amplitudes[order], amplitudes[1] * random.nextDouble(0.2, 0.4));
        }
    }

    private void addOrders(double[] signal, double shaftHz, double[] amplitudes) {
        for (int order = 1; order < amplitudes.length; order++) {
            addSinusoid(signal, order * shaftHz, amplitudes[order]);
        }
    }

    private void addSinusoid(double[] signal, double frequencyHz, double amplitude) {
        double phase = random.nextDouble(0.0, 2 * Math.PI);
        double step = 2 * Math.PI * frequencyHz / SAMPLE_RATE_HZ;
        for (int i = 0; i < signal.length; i++) {
            signal[i] += amplitude * Math.sin(phase + step * i);
        }
    }

    /** Decaying resonance bursts, one per ball passing a defect on the outer race. */
    private void addOuterRaceImpulses(double[] signal, double shaftHz) {
        double periodSamples = SAMPLE_RATE_HZ / (shaftHz * random.nextDouble(3.0, 3.6));
        double resonanceStep = 2 * Math.PI * random.nextDouble(250.0, 400.0) / SAMPLE_RATE_HZ;
        double decaySamples = random.nextDouble(4.0, 8.0);
        double amplitude = random.nextDouble(0.9, 1.6);
        for (double start = random.nextDouble(0.0, periodSamples); start < signal.length; start += periodSamples) {
            int first = (int) Math.ceil(start);
            for (int i = first; i < signal.length && i - start < 6 * decaySamples; i++) {
                double age = i - start;
                signal[i] += amplitude * Math.exp(-age / decaySamples) * Math.sin(resonanceStep * age);
            }
        }
    }

    private float[] withNoise(double[] signal) {
        double noiseSigma = random.nextDouble(0.15, 0.3);
        double offset = random.nextDouble(-0.1, 0.1);
        float[] samples = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            samples[i] = (float) (signal[i] + offset + noiseSigma * random.nextGaussian());
        }
        return samples;
    }

    private void shuffle(List<LabeledSample> windows) {
        for (int i = windows.size() - 1; i > 0; i--) {
            Collections.swap(windows, i, random.nextInt(i + 1));
        }
    }
}
