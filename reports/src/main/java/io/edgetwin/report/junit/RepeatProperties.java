package io.edgetwin.report.junit;

import io.edgetwin.report.Interference;
import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.RepeatedVariant;
import io.edgetwin.report.Report;
import io.edgetwin.report.Spread;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A variant's suite properties in junit.xml: each workload's target, answers and p99 (when it ran several),
 * the repeats, p50 and p99 as median [min–max], the host's outside CPU (the median over the repeats), and every comparison that names the variant with its interval. Properties rather than
 * test cases: numbers in test names would make every run a new test in a CI's history.
 */
final class RepeatProperties {

    private RepeatProperties() {
    }

    static Map<String, String> of(Report report, String variant) {
        Map<String, String> properties = new LinkedHashMap<>();
        Interference interference = report.variants().get(variant).interference();
        RepeatedVariant repeated = report.repeats() == null ? null : report.repeats().variants().get(variant);
        if (repeated != null && repeated.outsideShare() != null) {
            properties.put("host.outsideCpu", String.format(Locale.ROOT, "%.3f", repeated.outsideShare().median()));
        } else if (interference != null) {
            properties.put("host.outsideCpu", String.format(Locale.ROOT, "%.3f", interference.outsideShare()));
        }
        report.variants().get(variant).workloads().forEach((name, w) -> {
            properties.put("workload." + name + ".target", w.target());
            properties.put("workload." + name + ".requests.ok", Long.toString(w.requests().ok()));
            properties.put("workload." + name + ".latency.p99.ms", String.format(Locale.ROOT, "%.3f", w.latencyMs().p99()));
        });
        if (report.repeats() == null) {
            return properties;
        }
        properties.put("repeats", Integer.toString(report.repeats().count()));
        if (repeated != null) {
            properties.put("latency.p50.ms", spread(repeated.p50Ms()));
            properties.put("latency.p99.ms", spread(repeated.p99Ms()));
        }
        for (RatioInterval c : report.repeats().comparisons()) {
            if (c.variant().equals(variant) || c.baseline().equals(variant)) {
                properties.put("comparison " + c.variant() + " " + c.metric() + " / " + c.baseline(), c.sentence());
            }
        }
        return properties;
    }

    private static String spread(Spread s) {
        return String.format(Locale.ROOT, "median %.3f min %.3f max %.3f", s.median(), s.min(), s.max());
    }
}
