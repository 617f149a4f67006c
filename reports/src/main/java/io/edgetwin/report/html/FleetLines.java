package io.edgetwin.report.html;

import io.edgetwin.report.ResourceSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of one component's figure across the twins of a variant: a line per twin for a few
 * twins, else the fleet's maximum and median per sample, so 32 twins stay readable (and the page
 * small).
 */
final class FleetLines {

    static final int MAX_TWIN_LINES = 4;

    private FleetLines() {
    }

    static List<Line> of(List<ResourceSeries> group, SampleMetric metric, int colorIndex) {
        List<Line> lines = new ArrayList<>();
        if (group.size() <= MAX_TWIN_LINES) {
            for (int t = 0; t < group.size(); t++) {
                ResourceSeries series = group.get(t);
                String name = group.size() == 1 ? series.component() : series.twin();
                lines.add(line(name, Palette.color(colorIndex + t), false, series, metric));
            }
            return lines;
        }
        double[][] spread = spread(group, metric);
        String color = Palette.color(colorIndex);
        lines.add(new Line("max of " + group.size() + " twins", color, false, spread[0], spread[1]));
        lines.add(new Line("median", color, true, spread[0], spread[2]));
        return lines;
    }

    /** The highest value across the twins at each sample, as one line. */
    static Line max(String name, String color, List<ResourceSeries> group, SampleMetric metric) {
        double[][] spread = spread(group, metric);
        return new Line(name, color, false, spread[0], spread[1]);
    }

    /** Per sample index: seconds, max and median across the twins. */
    private static double[][] spread(List<ResourceSeries> group, SampleMetric metric) {
        int size = group.stream().mapToInt(series -> series.samples().size()).min().orElse(0);
        double[][] spread = new double[3][size];
        double[] values = new double[group.size()];
        for (int i = 0; i < size; i++) {
            spread[0][i] = group.get(0).samples().tMs()[i] / 1000.0;
            for (int t = 0; t < group.size(); t++) {
                values[t] = metric.at(group.get(t).samples(), i);
            }
            Arrays.sort(values);
            spread[1][i] = values[values.length - 1];
            spread[2][i] = values[values.length / 2];
        }
        return spread;
    }

    private static Line line(String name, String color, boolean dashed, ResourceSeries series, SampleMetric metric) {
        int size = series.samples().size();
        double[] xs = new double[size];
        double[] ys = new double[size];
        for (int i = 0; i < size; i++) {
            xs[i] = series.samples().tMs()[i] / 1000.0;
            ys[i] = metric.at(series.samples(), i);
        }
        return new Line(name, color, dashed, xs, ys);
    }
}
