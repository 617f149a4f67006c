package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The sized component's CPU demand one CFS period at a time: its cgroup's cumulative CPU use read every
 * {@value #PERIOD_MILLIS} ms ({@link #sample()}, driven by the caller's scheduler), each step turned into cores
 * (usage in the step / the step's time). A latency SLO is decided by how often the demand within one period
 * exceeds the quota (a throttled component waits out the rest of the period), which a per-second figure cannot
 * show: {@link #quota(double)} is the least quota exceeded in a given share of the periods (the share the SLO
 * allows to be throttled: {@link TwinTrialRunner#periodShare}).
 * Steps are counted only while {@code serving} holds; a reading that cannot be taken breaks the chain (the next
 * step starts afresh) rather than spreading its usage over two periods.
 */
final class CpuPeriods {

    /** The CFS period the core gives each component's cgroup: 100 ms. */
    static final long PERIOD_MILLIS = 100;

    private final Supplier<OptionalLong> usageNanos;
    private final LongSupplier nanoTicker;
    private final BooleanSupplier serving;
    private final List<Double> demands = new ArrayList<>();
    private long lastNanos = -1;
    private long lastUsage = -1;

    /**
     * @param usageNanos the cgroup's cumulative CPU use in ns; empty when it cannot be read now
     * @param nanoTicker monotonic time in ns
     * @param serving    whether the component serves now (steps before are not counted)
     */
    CpuPeriods(Supplier<OptionalLong> usageNanos, LongSupplier nanoTicker, BooleanSupplier serving) {
        this.usageNanos = usageNanos;
        this.nanoTicker = nanoTicker;
        this.serving = serving;
    }

    /** Takes one reading; the step since the previous one counts if the component served throughout. */
    synchronized void sample() {
        if (!serving.getAsBoolean()) {
            lastNanos = -1;
            return;
        }
        OptionalLong usage = usageNanos.get();
        long now = nanoTicker.getAsLong();
        if (usage.isEmpty()) {
            lastNanos = -1;
            return;
        }
        long used = usage.getAsLong();
        if (lastNanos >= 0 && now > lastNanos && used >= lastUsage) {
            demands.add((used - lastUsage) / (double) (now - lastNanos));
        }
        lastNanos = now;
        lastUsage = used;
    }

    /** How many periods were measured. */
    synchronized int periods() {
        return demands.size();
    }

    /** The cores demanded in each measured period, in order. */
    synchronized double[] demands() {
        return demands.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The least quota (cores) exceeded by at most {@code toleratedShare} of the periods: the
     * (1 − share) quantile of the per-period demand; 0 when nothing was measured.
     */
    synchronized double quota(double toleratedShare) {
        if (toleratedShare < 0 || toleratedShare >= 1) {
            throw new IllegalArgumentException("the tolerated share of periods must be in 0..1, got " + toleratedShare);
        }
        if (demands.isEmpty()) {
            return 0;
        }
        double[] sorted = demands();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(toleratedShare * sorted.length + 1e-9);
        return sorted[Math.max(0, sorted.length - 1 - allowed)];
    }

    /** The distribution in words, for the progress: its quantiles and the quota at {@code toleratedShare}. */
    synchronized String describe(double toleratedShare) {
        if (demands.isEmpty()) {
            return "CPU per 100 ms period: no period sampled";
        }
        return String.format(Locale.ROOT, "CPU per 100 ms period over %d periods: p50 %.3f, p90 %.3f, p95 %.3f, p99 %.3f, "
                        + "max %.3f cores; exceeded in %.1f %% of them: %.3f cores", demands.size(), quota(0.5), quota(0.1),
                quota(0.05), quota(0.01), quota(0), toleratedShare * 100, quota(toleratedShare));
    }

    /** Each measured period's demand in cores, one a line in order, for calibration ({@code cpu-periods.txt}). */
    synchronized String lines() {
        StringBuilder text = new StringBuilder();
        demands.forEach(d -> text.append(String.format(Locale.ROOT, "%.4f%n", d)));
        return text.toString();
    }
}
