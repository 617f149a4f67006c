package io.edgetwin.simulator.run;

import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.report.Validity;
import io.edgetwin.simulator.scenario.ValidityRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a variant's run counts (LoadGen-style): it measured for at least the minimum
 * duration, has enough answers for every percentile it reports (those its thresholds name, those
 * other variants' comparisons read from it, plus {@code validity.percentiles}), and its load generator thread stayed under the CPU limit.
 */
final class ValidityCheck {

    /** {@code latency.p99}, also a workload's ({@code defect.latency.p99}). */
    private static final Pattern PERCENTILE = Pattern.compile("(?:[a-z][a-z0-9_-]*\\.)?latency\\.p(\\d+(?:\\.\\d+)?)");

    private ValidityCheck() {
    }

    static Validity of(LoadResult load, ValidityRules rules, List<Threshold> thresholds) {
        List<String> reasons = new ArrayList<>();
        if (load.measured().compareTo(rules.minDuration()) < 0) {
            reasons.add("measured for " + load.measured().toMillis() + " ms; the minimum is " + rules.minDuration().toMillis() + " ms");
        }
        long answers = load.latencyNanos().getTotalCount();
        for (double percentile : percentiles(rules, thresholds)) {
            long needed = ValidityRules.minimumQueries(percentile);
            if (answers < needed) {
                reasons.add(answers + " answers are too few to report p" + format(percentile) + " at 99% confidence; need "
                        + needed + " (raise the rate or the duration)");
            }
        }
        if (load.generatorCpuFraction() > rules.maxGeneratorCpu()) {
            reasons.add(String.format("the load generator used %.0f%% of a core; the limit is %.0f%% (the numbers measure "
                    + "the generator, not the twin)", load.generatorCpuFraction() * 100, rules.maxGeneratorCpu() * 100));
        }
        return new Validity(reasons.isEmpty(), reasons);
    }

    static TreeSet<Double> percentiles(ValidityRules rules, List<Threshold> thresholds) {
        TreeSet<Double> percentiles = new TreeSet<>(rules.percentiles());
        for (Threshold t : thresholds) {
            addPercentile(percentiles, t.metric().key());
            t.reference().ifPresent(reference -> addPercentile(percentiles, reference.metric().key()));
        }
        return percentiles;
    }

    private static void addPercentile(TreeSet<Double> percentiles, String metric) {
        Matcher m = PERCENTILE.matcher(metric);
        if (m.matches()) {
            percentiles.add(Double.parseDouble(m.group(1)));
        }
    }

    private static String format(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }
}
