package io.edgetwin.simulator.run;

import io.edgetwin.report.MissingSeries;
import io.edgetwin.report.Validity;
import io.edgetwin.report.gate.ComponentMetric;
import io.edgetwin.report.gate.Metric;
import io.edgetwin.report.gate.OfLimit;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.VariantMetric;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.Series;
import io.edgetwin.simulator.measure.SeriesGap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which resource series a variant could not sample, and whether that voids its run. Every missing
 * series is named in the report; it makes the run INVALID only when a threshold reads a figure from
 * it and sampling never came back (cut off, or never taken): {@code throttle.ratio} and
 * {@code thrash.majorFaultsPerSec} read the {@code device} series, every {@code ...component[NAME]}
 * metric (its OOM kills included) reads that component's. {@code memory.peak} and
 * {@code oomKills.device} come from the twin's own status, not from a series. A gap that healed (a
 * twin powered off and on) or an estimated column is a warning only.
 */
final class SeriesCoverage {

    private SeriesCoverage() {
    }

    /** The observer's gaps, plus every component of {@code components} that no twin's core ever reported. */
    static List<MissingSeries> missing(Observer observer, Collection<String> twins, Collection<String> components) {
        List<MissingSeries> missing = new ArrayList<>();
        Set<String> known = new HashSet<>();
        observer.series().stream().filter(s -> !s.samples().isEmpty()).forEach(s -> known.add(s.twin() + "/" + s.component()));
        for (SeriesGap gap : observer.gaps()) {
            known.add(gap.twin() + "/" + gap.component());
            missing.add(new MissingSeries(gap.twin(), gap.component(), gap.column(), gap.fromMs(), gap.untilMs(), gap.reason()));
        }
        for (String twin : twins) {
            for (String component : components) {
                if (!known.contains(twin + "/" + component)) {
                    missing.add(new MissingSeries(twin, component, null, 0, null, "the twin's core never reported it"));
                }
            }
        }
        return missing;
    }

    /** {@code validity} with a reason added for each threshold that needs a series that was cut off. */
    static Validity check(Validity validity, List<MissingSeries> missing, List<Threshold> thresholds) {
        List<String> reasons = new ArrayList<>(validity.reasons());
        for (Threshold threshold : thresholds) {
            needs(threshold.metric()).ifPresent(component -> missing.stream()
                    .filter(m -> m.cutOff() && m.component().equals(component))
                    .forEach(m -> reasons.add("threshold '" + threshold.expr() + "' needs a series that could not be sampled: "
                            + m.describe())));
        }
        return new Validity(reasons.isEmpty(), reasons);
    }

    /** The series a metric is read from: {@code device}, a component's name, or none. */
    static Optional<String> needs(Metric metric) {
        if (metric instanceof OfLimit ofLimit) {
            return needs(ofLimit.base());
        }
        if (metric instanceof ComponentMetric component) {
            return Optional.of(component.component());
        }
        if (metric == VariantMetric.THROTTLE_RATIO || metric == VariantMetric.MAJOR_FAULTS) {
            return Optional.of(Series.DEVICE);
        }
        return Optional.empty();
    }
}
