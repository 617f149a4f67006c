package io.edgetwin.report.confidence;

import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A percentile bootstrap of the ratio of two variants' latency percentiles, resampling whole 1 s
 * windows rather than single requests: latencies inside a second are correlated (one stall delays a
 * queue of requests), windows much less, so a window is the block that keeps that dependence. Each
 * resample draws as many windows as each variant has, with replacement, pools their latencies and
 * takes the percentile of each side; the ratios' percentiles are the interval. The same seed gives the
 * same interval.
 */
public final class WindowBootstrap {

    /** Resamples per comparison: enough for a stable 99 % bound, about a second for two 90-window variants. */
    public static final int RESAMPLES = 2000;
    static final double[] PERCENTILES = {50, 99};
    private static final int[] CONFIDENCES = {90, 95, 99};

    private final int resamples;
    private final long seed;

    public WindowBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples is " + resamples + "; expected at least 100");
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * {@code variant}'s p50 and p99 over {@code baseline}'s; empty when either side has fewer than two
     * windows with answers, or a percentile of the baseline is zero.
     */
    public List<RatioInterval> compare(String variant, List<Window> windows, String baseline, List<Window> baselineWindows) {
        long[][] a = values(windows);
        long[][] b = values(baselineWindows);
        if (a.length < 2 || b.length < 2) {
            return List.of();
        }
        double[][] ratios = new double[PERCENTILES.length][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            long[] left = pooled(a, random);
            long[] right = pooled(b, random);
            for (int p = 0; p < PERCENTILES.length; p++) {
                ratios[p][r] = ratio(percentile(left, PERCENTILES[p]), percentile(right, PERCENTILES[p]));
            }
        }
        long[] allA = pooled(a, null);
        long[] allB = pooled(b, null);
        List<RatioInterval> out = new ArrayList<>();
        for (int p = 0; p < PERCENTILES.length; p++) {
            double point = ratio(percentile(allA, PERCENTILES[p]), percentile(allB, PERCENTILES[p]));
            if (Double.isFinite(point) && Arrays.stream(ratios[p]).anyMatch(Double::isFinite)) {
                out.add(interval("latency.p" + (int) PERCENTILES[p], variant, baseline, point, ratios[p]));
            }
        }
        return out;
    }

    private RatioInterval interval(String metric, String variant, String baseline, double point, double[] ratios) {
        double[] sorted = Arrays.stream(ratios).filter(Double::isFinite).sorted().toArray();
        Map<String, Double> upper = new LinkedHashMap<>();
        Map<String, Double> lower = new LinkedHashMap<>();
        for (int confidence : CONFIDENCES) {
            upper.put(Integer.toString(confidence), quantile(sorted, confidence / 100.0));
            lower.put(Integer.toString(confidence), quantile(sorted, 1 - confidence / 100.0));
        }
        long below = Arrays.stream(sorted).filter(r -> r < 1).count();
        return new RatioInterval(metric, variant, baseline, point, quantile(sorted, 0.025), quantile(sorted, 0.975),
                upper, lower, (double) below / sorted.length, resamples, seed);
    }

    /** Every latency of each window with answers, in ns. */
    static long[][] values(List<Window> windows) {
        List<long[]> out = new ArrayList<>();
        for (Window w : windows) {
            if (w.count() == 0) {
                continue;
            }
            Histogram h = w.histogram().histogram();
            long[] values = new long[(int) h.getTotalCount()];
            int i = 0;
            for (HistogramIterationValue v : h.recordedValues()) {
                for (long c = 0; c < v.getCountAtValueIteratedTo() && i < values.length; c++) {
                    values[i++] = h.highestEquivalentValue(v.getValueIteratedTo());
                }
            }
            if (i > 0) {
                out.add(Arrays.copyOf(values, i));
            }
        }
        return out.toArray(long[][]::new);
    }

    /** The latencies of {@code windows.length} windows drawn with replacement; all of them when {@code random} is null. */
    private static long[] pooled(long[][] windows, SplittableRandom random) {
        long[][] drawn = new long[windows.length][];
        int total = 0;
        for (int i = 0; i < windows.length; i++) {
            drawn[i] = windows[random == null ? i : random.nextInt(windows.length)];
            total += drawn[i].length;
        }
        long[] out = new long[total];
        int at = 0;
        for (long[] w : drawn) {
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length;
        }
        Arrays.sort(out);
        return out;
    }

    /** The value at rank ceil(p × n), as HdrHistogram reads a percentile. */
    static double percentile(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
