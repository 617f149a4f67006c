package io.edgetwin.simulator.sizing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.simulator.measure.TwinStatus;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Follows one component's cgroup readings in the twin's status messages ({@code edgetwin/<thing>/status},
 * one a second) and condenses them into an {@link Observation}: OOM kills, peak memory, and the rate of
 * major page faults while the component served, the signal of a cap so tight that it re-reads its own
 * code from disk instead of being killed.
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
        Reading reading = new Reading(nanoTicker.getAsLong(), c.resources().majorFaults());
        first = first == null ? reading : first;
        firstReady = firstReady == null && c.ready() ? reading : firstReady;
        last = reading;
        oomKills = Math.max(oomKills, c.resources().oomKills());
        peakBytes = Math.max(peakBytes, c.resources().memoryPeakBytes());
    }

    synchronized Observation observation() {
        if (last == null) {
            return Observation.none();
        }
        Reading from = firstReady != null ? firstReady : first;
        double seconds = (last.nanos - from.nanos) / 1e9;
        double rate = seconds <= 0 ? 0 : Math.max(0, last.majorFaults - from.majorFaults) / seconds;
        return new Observation(true, oomKills, peakBytes, rate);
    }

    private record Reading(long nanos, long majorFaults) {
    }
}
