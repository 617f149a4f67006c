package io.edgetwin.simulator.sizing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.measure.TwinStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Follows one component's cgroup readings in the twin's status messages ({@code edgetwin/<thing>/status},
 * one a second) and condenses them into an {@link Observation}: OOM kills, peak memory, and the rate of
 * major page faults while the component served, the signal of a cap so tight that it re-reads its own
 * code from disk instead of being killed, and its memory and CPU use while it served ({@link Usage}).
 */
final class ComponentWatch implements BiConsumer<String, byte[]> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String component;
    private final LongSupplier nanoTicker;
    private Reading first;
    private Reading firstReady;
    private Reading last;
    private long oomKills;
    private long peakBytes;
    private final List<Reading> serving = new ArrayList<>();

    ComponentWatch(String component, LongSupplier nanoTicker) {
        this.component = component;
        this.nanoTicker = nanoTicker;
    }

    @Override
    public void accept(String topic, byte[] payload) {
        try {
            accept(JSON.readValue(payload, TwinStatus.class));
        } catch (IOException e) {
            // The run's own tracker counts malformed messages; one unreadable reading changes no outcome.
        }
    }

    synchronized void accept(TwinStatus status) {
        TwinStatus.Component c = status.components().get(component);
        if (c == null || c.resources() == null) {
            return;
        }
        TwinStatus.Resources r = c.resources();
        Reading reading = new Reading(nanoTicker.getAsLong(), r.majorFaults(), r.memoryBytes(), r.cpuUsageNanos(),
                r.periods(), r.throttledPeriods());
        first = first == null ? reading : first;
        firstReady = firstReady == null && c.ready() ? reading : firstReady;
        last = reading;
        if (firstReady != null) {
            serving.add(reading);
        }
        oomKills = Math.max(oomKills, c.resources().oomKills());
        peakBytes = Math.max(peakBytes, c.resources().memoryPeakBytes());
    }

    /** Whether the component has been ready: it serves from then on. */
    synchronized boolean serving() {
        return firstReady != null;
    }

    /** Whether the trial's outcome is already decided: the component's own cgroup counted an OOM kill. */
    synchronized boolean decided() {
        return oomKills > 0;
    }

    synchronized Observation observation() {
        if (last == null) {
            return Observation.none();
        }
        Reading from = firstReady != null ? firstReady : first;
        double seconds = (last.nanos - from.nanos) / 1e9;
        double rate = seconds <= 0 ? 0 : Math.max(0, last.majorFaults - from.majorFaults) / seconds;
        return new Observation(true, oomKills, peakBytes, rate, usage());
    }

    /**
     * Memory settles and CPU averages over the second half of the serving readings (past the start's page-ins
     * and the JIT's first compiles); the CPU quantile counts every serving second, bursts included.
     */
    private Usage usage() {
        if (serving.size() < 4) {
            return Usage.none();
        }
        List<Reading> settled = serving.subList(serving.size() / 2, serving.size());
        double[] perSecond = new double[serving.size() - 1];
        for (int i = 1; i < serving.size(); i++) {
            perSecond[i - 1] = cores(serving.get(i - 1), serving.get(i));
        }
        Arrays.sort(perSecond);
        double high = perSecond[(int) Math.min(perSecond.length - 1, Math.ceil(Usage.HIGH_QUANTILE * perSecond.length) - 1)];
        Reading from = serving.get(0);
        long periods = last.periods - from.periods;
        double throttled = periods <= 0 ? 0 : Math.min(1, Math.max(0, last.throttledPeriods - from.throttledPeriods) / (double) periods);
        return new Usage(peakBytes, Usage.settledLevel(serving.stream().mapToLong(Reading::memoryBytes).toArray()),
                cores(settled.get(0), last), high, throttled);
    }

    private static double cores(Reading from, Reading to) {
        long nanos = to.nanos - from.nanos;
        return nanos <= 0 ? 0 : Math.max(0, to.cpuNanos - from.cpuNanos) / (double) nanos;
    }

    private record Reading(long nanos, long majorFaults, long memoryBytes, long cpuNanos, long periods, long throttledPeriods) {
    }
}
