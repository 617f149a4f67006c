package io.edgetwin.simulator.run;

import io.edgetwin.simulator.load.LatencyWindow;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.measure.ComponentSummary;
import io.edgetwin.simulator.measure.Event;
import io.edgetwin.simulator.measure.Histograms;
import io.edgetwin.simulator.measure.Series;
import java.util.List;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.Validity;
import io.edgetwin.simulator.measure.VariantObservations;

/** Builds a variant's {@link VariantObservations} from the load result, its validity and what the observer saw. */
final class Observations {

    private Observations() {
    }

    static VariantObservations of(LoadResult load, Validity validity, Observer observer, String arrival) {
        List<Series> series = observer.series();
        List<Event> events = observer.events();
        return new VariantObservations(validity, Histograms.encode(load.latencyNanos()),
                load.windows().stream().map(Observations::window).toList(), observer.twins(), series, events,
                ComponentSummary.of(series, events), new VariantObservations.Generator(arrival, load.scheduled(), load.sent(), load.dropped(),
                load.unanswered(), load.late(), load.sendErrorNanos().getValueAtPercentile(99) / 1e3,
                load.generatorCpuFraction(), load.generatorCpuWithSpinFraction()));
    }

    private static VariantObservations.Window window(LatencyWindow w) {
        return new VariantObservations.Window(w.startMs(), w.count(), w.errors(), w.p50Ms(), w.p99Ms(),
                Histograms.encode(w.latencyNanos()));
    }
}
