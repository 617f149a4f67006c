package io.edgetwin.simulator.run;

import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.Event;
import io.edgetwin.report.FleetTwin;
import io.edgetwin.report.ResourceSample;
import io.edgetwin.report.ResourceSamples;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.report.SeriesLimits;
import io.edgetwin.report.StateChange;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Window;
import io.edgetwin.simulator.load.LatencyWindow;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.measure.ComponentSummary;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.Series;
import io.edgetwin.simulator.measure.TwinSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts what the {@link Observer} and the load driver saw over time into a variant's report entry:
 * latency windows, the fleet's status, resource series, events, and per component its OOM kills,
 * memory peak, throttling, major faults and state history over every twin of the variant.
 */
final class Timeline {

    private Timeline() {
    }

    static VariantResult attach(VariantResult measured, LoadResult load, Observer observer) {
        List<io.edgetwin.simulator.measure.Event> events = observer.events();
        List<Series> series = observer.series();
        Map<String, ComponentSummary> summaries = ComponentSummary.of(series, events);
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        measured.components().forEach((name, result) -> components.put(name, withSummary(result, summaries.get(name))));
        VariantResult m = measured;
        return new VariantResult(m.device(), m.requested(), m.twinStartMs(), m.validity(), m.requests(), m.latencyMs(),
                m.latencyHistogram(), m.throughputPerSec(), m.devicePeakMemoryBytes(), m.oomKills(), components,
                load.windows().stream().map(Timeline::window).toList(),
                observer.twins().stream().map(Timeline::twin).toList(),
                series.stream().map(Timeline::series).toList(),
                events.stream().map(e -> new Event(e.tMs(), e.twin(), e.component(), e.kind(), e.detail())).toList(),
                m.thresholds(), m.passed(), m.missingSeries(), m.interference(), m.recovery(), m.correct(), m.partial(),
                m.workloads(), m.placement(), m.security());
    }

    private static ComponentResult withSummary(ComponentResult result, ComponentSummary summary) {
        if (summary == null) {
            return result;
        }
        return new ComponentResult(result.limits(), result.enforced(), result.state(), result.restarts(),
                Math.max(result.oomKills(), summary.oomKills()), summary.memoryPeakBytes(),
                Math.min(1.0, summary.throttleRatio()), summary.majorFaultsPerSec(), summary.stateHistory().stream()
                        .map(c -> new StateChange(c.tMs(), c.state(), c.twin() + ": " + c.reason())).toList(),
                result.lambda());
    }

    private static Window window(LatencyWindow w) {
        return new Window(w.startMs(), w.count(), w.errors(), w.p50Ms(), w.p99Ms(), EncodedHistogram.of(w.latencyNanos()));
    }

    private static FleetTwin twin(TwinSummary t) {
        return new FleetTwin(t.name(), t.deploymentId(), t.deploymentStatus(), t.componentStates(),
                t.lastSeen() == null ? null : Instant.parse(t.lastSeen()), t.reconnects());
    }

    private static ResourceSeries series(Series s) {
        return new ResourceSeries(s.twin(), s.component(), new SeriesLimits(s.memoryLimitBytes(), s.cpusLimit()),
                ResourceSamples.of(s.samples().stream().map(r -> new ResourceSample(r.tMs(), r.memoryBytes(),
                        r.memoryPeakBytes(), r.cpuUsageNanos(), r.throttledPeriods(), r.periods(), r.throttledNanos(),
                        r.majorFaults(), r.oomKills())).toList()), s.source());
    }
}
