package io.edgetwin.inference;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** How far one number per input gets: the best accuracy of "positive if above t" over every threshold t. */
final class Thresholds {

    private Thresholds() {}

    static double bestAccuracy(List<LabeledSample> samples, ToDoubleFunction<float[]> feature, String negativeLabel) {
        List<LabeledSample> sorted = samples.stream()
                .sorted(Comparator.comparingDouble(sample -> feature.applyAsDouble(sample.values())))
                .toList();
        long positivesAbove = samples.stream().filter(sample -> !sample.label().equals(negativeLabel)).count();
        long negativesBelow = 0;
        long best = Math.max(positivesAbove, samples.size() - positivesAbove);
        for (LabeledSample sample : sorted) {
            if (sample.label().equals(negativeLabel)) {
                negativesBelow++;
            } else {
                positivesAbove--;
            }
            best = Math.max(best, positivesAbove + negativesBelow);
        }
        return (double) best / samples.size();
    }

    static double standardDeviation(float[] values) {
        double mean = mean(values);
        double sumSquares = 0;
        for (float value : values) {
            sumSquares += (value - mean) * (value - mean);
        }
        return Math.sqrt(sumSquares / values.length);
    }

    static double range(float[] values) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return max - min;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
