package io.edgetwin.report.html;

import io.edgetwin.report.Interference;
import io.edgetwin.report.InterferenceSample;
import io.edgetwin.report.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Under each variant's latency chart, on the same time axis: the share of the host's cores everybody
 * else used each second, with CPU and I/O pressure where the kernel reports it, and the validity limit.
 */
final class InterferenceCharts {

    private InterferenceCharts() {
    }

    /** One cell per variant, in variant order; a note where the interference was not measured. */
    static List<String> perVariant(Map<String, VariantResult> variants) {
        List<String> cells = new ArrayList<>();
        variants.forEach((name, variant) -> cells.add(chart(name, variant.interference())));
        return cells;
    }

    private static String chart(String name, Interference interference) {
        if (interference == null || interference.samples().isEmpty()) {
            return "<p class=\"note\">" + Html.escape(name) + ": the host's interference was not measured</p>";
        }
        List<InterferenceSample> samples = interference.samples();
        double[] xs = samples.stream().mapToDouble(s -> s.tMs() / 1000.0).toArray();
        LineChart chart = new LineChart(String.format(Locale.ROOT, "%s: others used %.0f %% of the %d cores (mean)", name,
                interference.outsideShare() * 100, interference.cores()), "seconds since load start",
                "share of the host's cores, %", value -> Html.number(value, 0))
                .line(new Line("others' CPU", Palette.color(2), false, xs, percent(samples, InterferenceSample::outsideShare)));
        if (samples.get(0).cpuPressure() != null) {
            chart.line(new Line("CPU pressure (some)", Palette.color(3), true, xs, percent(samples, InterferenceSample::cpuPressure)));
            chart.line(new Line("I/O pressure (some)", Palette.color(4), true, xs, percent(samples, InterferenceSample::ioPressure)));
        } else {
            chart.line(new Line("I/O wait", Palette.color(4), true, xs, percent(samples, InterferenceSample::ioWaitShare)));
        }
        return chart.yMax(100).render();
    }

    private static double[] percent(List<InterferenceSample> samples, Function<InterferenceSample, Double> share) {
        return samples.stream().mapToDouble(s -> share.apply(s) == null ? Double.NaN : share.apply(s) * 100).toArray();
    }
}
