package io.edgetwin.simulator.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fake component with a known minimum: below {@code needKb} it fails with {@code memoryFailure}, below
 * {@code needCpus} it misses its latency SLO, and trials of {@code failingPhase} fail whatever their caps.
 * The top check reports {@code observed} as what the component used (none unless set with {@link #observing}).
 */
final class ThresholdRunner implements TrialRunner {

    final List<Caps> tried = new ArrayList<>();
    private final long needKb;
    private final double needCpus;
    private final Outcome memoryFailure;
    private final Phase failingPhase;
    private Usage observed = Usage.none();
    private Set<Integer> invalid = Set.of();
    int quietWaits;

    ThresholdRunner(long needKb, double needCpus, Outcome memoryFailure, Phase failingPhase) {
        this.needKb = needKb;
        this.needCpus = needCpus;
        this.memoryFailure = memoryFailure;
        this.failingPhase = failingPhase;
    }

    static ThresholdRunner needing(long needMib, double needCpus) {
        return new ThresholdRunner(needMib * 1024, needCpus, Outcome.OOM, null);
    }

    /** This runner with the top check reporting {@code usage}: settled and peak memory in MiB, mean and p95 cores. */
    ThresholdRunner observing(long settledMib, long peakMib, double meanCpus, double highCpus) {
        observed = new Usage(peakMib << 20, settledMib << 20, meanCpus, highCpus, 0);
        return this;
    }

    /** This runner with the trials numbered {@code numbers} INVALID whatever their caps (others' load on the host). */
    ThresholdRunner invalidIn(Integer... numbers) {
        invalid = Set.of(numbers);
        return this;
    }

    @Override
    public void awaitQuietHost(Consumer<String> progress) {
        quietWaits++;
    }

    @Override
    public TrialResult run(int number, Phase phase, Caps caps) {
        tried.add(caps);
        if (invalid.contains(number)) {
            return new TrialResult(Outcome.INVALID, "others used 74 % of the cores", 552.0, 0, needKb * 1024, null);
        }
        double p99 = 10 / Math.min(1, caps.cpus());
        if (phase == failingPhase) {
            return new TrialResult(Outcome.SLO_MISS, "latency.p99 < 50ms missed: actual 80.000 ms", 80.0, 0, 0, null);
        }
        if (caps.memoryKb() < needKb) {
            return new TrialResult(memoryFailure, "below the need", null, memoryFailure == Outcome.THRASH ? 900 : 0, caps.memoryKb() * 1024, null);
        }
        if (caps.cpus() < needCpus) {
            return new TrialResult(Outcome.SLO_MISS, "latency.p99 < 50ms missed: actual 70.000 ms", 70.0, 0, needKb * 1024, null);
        }
        return new TrialResult(Outcome.PASS, "every SLO held", p99, 0, needKb * 1024, "trials/" + number + "/report.json",
                phase == Phase.TOP ? observed : Usage.none());
    }
}
