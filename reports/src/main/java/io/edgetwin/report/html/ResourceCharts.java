package io.edgetwin.report.html;

import io.edgetwin.report.DeviceTotals;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.report.SeriesLimits;
import io.edgetwin.report.VariantResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resource charts from the variants' series: memory and CPU per component (a row per component, a
 * column per variant, one scale per row, the limit drawn as a line), the throttled-period ratio and
 * major faults per variant, with a thrash indicator.
 */
final class ResourceCharts {

    /** Major faults per second of a twin at or above which the page calls it thrashing. */
    static final double THRASH_PER_SEC = 50;

    private ResourceCharts() {
    }

    /** Component names with series in any variant: {@code device} first, then in report order. */
    static List<String> components(Map<String, VariantResult> variants) {
        Set<String> names = new LinkedHashSet<>();
        variants.values().forEach(v -> v.series().stream().filter(ResourceSeries::isDevice).findAny()
                .ifPresent(series -> names.add(ResourceSeries.DEVICE)));
        variants.values().forEach(v -> v.series().forEach(series -> names.add(series.component())));
        return List.copyOf(names);
    }

    /** Memory of {@code component}, one chart per variant. */
    static List<String> memory(String component, Map<String, VariantResult> variants) {
        return row(variants, name -> chart(name + ": " + component + " memory", "memory (MiB)", component,
                variants.get(name), SampleMetric.MEMORY_MIB, limits -> limits.memoryBytes() == null ? null
                        : new Limit(limits.memoryBytes() / (1024.0 * 1024.0), "limit " + Html.mib(limits.memoryBytes()))));
    }

    /** CPU use of {@code component} in cores, one chart per variant. */
    static List<String> cpu(String component, Map<String, VariantResult> variants) {
        return row(variants, name -> chart(name + ": " + component + " CPU", "CPU (cores)", component,
                variants.get(name), SampleMetric.CPU_CORES, limits -> limits.cpus() == null ? null
                        : new Limit(limits.cpus(), "limit " + Html.number(limits.cpus(), 2) + " cpus")));
    }

    /** Throttled CPU periods per period, every component of a variant on one chart. */
    static String throttled(String name, VariantResult variant) {
        return perComponent(name + ": throttled CPU periods", "throttled / periods", variant,
                SampleMetric.THROTTLED_RATIO).render();
    }

    /** Major page faults per second, every component on one chart, the thrash level drawn as a line. */
    static String thrash(String name, VariantResult variant) {
        return perComponent(name + ": major page faults", "major faults / s", variant, SampleMetric.MAJOR_FAULTS_PER_SEC)
                .rule(THRASH_PER_SEC, "thrashing at " + Html.number(THRASH_PER_SEC, 0) + "/s", Palette.LIMIT).render();
    }

    /** A sentence and a badge: whether the worst twin thrashed. */
    static String thrashIndicator(VariantResult variant) {
        double rate = DeviceTotals.majorFaultsPerSec(variant);
        if (Double.isNaN(rate)) {
            return "<p class=\"note\">no device series: thrashing not measured</p>";
        }
        boolean thrashing = rate >= THRASH_PER_SEC;
        return "<p><span class=\"badge " + (thrashing ? "bad\">THRASHING" : "ok\">no thrashing") + "</span> worst twin: "
                + Html.number(rate, 1) + " major faults/s over the run (thrashing from "
                + Html.number(THRASH_PER_SEC, 0) + "/s)</p>";
    }

    private static List<String> row(Map<String, VariantResult> variants, Function<String, LineChart> chartOf) {
        List<LineChart> charts = new ArrayList<>();
        variants.keySet().forEach(name -> charts.add(chartOf.apply(name)));
        double max = charts.stream().mapToDouble(LineChart::dataMaxY).max().orElse(1) * 1.1;
        return charts.stream().map(chart -> chart.yMax(max).render()).toList();
    }

    private static LineChart chart(String title, String yLabel, String component, VariantResult variant,
                                   SampleMetric metric, Function<SeriesLimits, Limit> limitOf) {
        List<ResourceSeries> group = variant.series().stream().filter(s -> s.component().equals(component)).toList();
        LineChart chart = new LineChart(title, "seconds since load start", yLabel, value -> Html.number(value, 2));
        FleetLines.of(group, metric, 0).forEach(chart::line);
        Set<Limit> limits = new LinkedHashSet<>();
        group.forEach(series -> limits.add(limitOf.apply(series.limits())));
        if (limits.size() == 1 && !limits.contains(null)) {
            Limit limit = limits.iterator().next();
            chart.rule(limit.value(), limit.label(), Palette.LIMIT);
        }
        if (group.isEmpty()) {
            chart.rule(0, "no series", "#999");
        }
        return chart;
    }

    private static LineChart perComponent(String title, String yLabel, VariantResult variant, SampleMetric metric) {
        Map<String, List<ResourceSeries>> groups = new LinkedHashMap<>();
        variant.series().forEach(series -> groups.computeIfAbsent(series.component(), key -> new ArrayList<>()).add(series));
        long twins = variant.series().stream().map(ResourceSeries::twin).distinct().count();
        LineChart chart = new LineChart(title + (twins > 1 ? " (max of " + twins + " twins)" : ""),
                "seconds since load start", yLabel, value -> Html.number(value, 2));
        int index = 0;
        for (Map.Entry<String, List<ResourceSeries>> group : groups.entrySet()) {
            chart.line(FleetLines.max(shortName(group.getKey()), Palette.color(index++), group.getValue(), metric));
        }
        if (groups.isEmpty()) {
            chart.rule(0, "no series", "#999");
        }
        return chart;
    }

    /** The last part of a dotted component name, to keep legends short: {@code Inference}. */
    private static String shortName(String component) {
        return component.substring(component.lastIndexOf('.') + 1);
    }

    private record Limit(double value, String label) {
    }
}
