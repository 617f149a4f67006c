package io.edgetwin.simulator.measure;

import java.util.List;
import java.util.Map;

/**
 * What the report contract (report.json v2) adds to a variant, collected by the simulator, 1:1 with
 * the contract's fields: {@code validity}, {@code latencyHistogram}, {@code windows}, {@code twins},
 * {@code series}, {@code events}, and per component what {@code ComponentResult} adds; plus the load
 * generator's own numbers.
 *
 * @param latencyHistogram the whole latency histogram (ns), HdrHistogram compressed and base64-encoded
 */
public record VariantObservations(Validity validity, String latencyHistogram, List<Window> windows, List<TwinSummary> twins,
                                  List<Series> series, List<Event> events, Map<String, ComponentSummary> components,
                                  Generator generator) {

    public VariantObservations {
        components = Map.copyOf(components);
        windows = List.copyOf(windows);
        twins = List.copyOf(twins);
        series = List.copyOf(series);
        events = List.copyOf(events);
    }

    /** One time window since load start; {@code histogram} encoded like {@code latencyHistogram}. */
    public record Window(long startMs, long count, long errors, double p50Ms, double p99Ms, String histogram) {
    }

    /**
     * The load generator's view: requests due, sent, dropped (not sent), unanswered, late; how late
     * requests were handed over (p99, µs); its thread's CPU as a share of one core, without and with
     * the spin-waits before send times; the arrival model.
     */
    public record Generator(String arrival, long scheduled, long sent, long dropped, long unanswered, long late,
                            double sendErrorP99Micros, double cpuFraction, double cpuWithSpinFraction) {
    }
}
