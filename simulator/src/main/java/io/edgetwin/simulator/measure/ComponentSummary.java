package io.edgetwin.simulator.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report contract adds to a component's result, over every twin of a variant: OOM kills
 * (the last reading's counter, summed over twins), the highest memory peak, the throttle ratio
 * (throttled periods / periods over the run) and major page faults per second, plus its state
 * history from the state-change events.
 */
public record ComponentSummary(long oomKills, long memoryPeakBytes, double throttleRatio, double majorFaultsPerSec,
                               List<StateChange> stateHistory) {

    public ComponentSummary {
        stateHistory = List.copyOf(stateHistory);
    }

    /** One state change: when, on which twin, the new state and the reason (the change as reported). */
    public record StateChange(long tMs, String twin, String state, String reason) {
    }

    /** Per component name, from the component series (not "device") and the events. */
    public static Map<String, ComponentSummary> of(List<Series> series, List<Event> events) {
        Map<String, List<Series>> byComponent = new LinkedHashMap<>();
        series.stream().filter(s -> !s.component().equals(Series.DEVICE) && !s.samples().isEmpty())
                .forEach(s -> byComponent.computeIfAbsent(s.component(), c -> new ArrayList<>()).add(s));
        Map<String, ComponentSummary> summaries = new LinkedHashMap<>();
        byComponent.forEach((component, list) -> summaries.put(component, summary(list, history(component, events))));
        return summaries;
    }

    private static ComponentSummary summary(List<Series> list, List<StateChange> history) {
        long ooms = 0;
        long peak = 0;
        long throttled = 0;
        long periods = 0;
        double faultsPerSec = 0;
        for (Series s : list) {
            ResourceSample first = s.samples().get(0);
            ResourceSample last = s.samples().get(s.samples().size() - 1);
            ooms += last.oomKills();
            peak = Math.max(peak, s.samples().stream().mapToLong(ResourceSample::memoryPeakBytes).max().orElse(0));
            throttled += Math.max(0, last.throttledPeriods() - first.throttledPeriods());
            periods += Math.max(0, last.periods() - first.periods());
            long spanMs = last.tMs() - first.tMs();
            if (spanMs > 0) {
                faultsPerSec += Math.max(0, last.majorFaults() - first.majorFaults()) * 1000.0 / spanMs;
            }
        }
        return new ComponentSummary(ooms, peak, periods == 0 ? 0 : (double) throttled / periods, faultsPerSec, history);
    }

    private static List<StateChange> history(String component, List<Event> events) {
        List<StateChange> history = new ArrayList<>();
        for (Event e : events) {
            if (e.kind().equals("state-change") && component.equals(e.component())) {
                String detail = e.detail();
                int arrow = detail.indexOf("-> ");
                String rest = arrow < 0 ? detail : detail.substring(arrow + 3);
                int space = rest.indexOf(' ');
                String state = space < 0 ? rest : rest.substring(0, space);
                history.add(new StateChange(e.tMs(), e.twin(), state, detail));
            }
        }
        return history;
    }
}
