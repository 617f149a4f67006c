package io.edgetwin.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * An SVG line chart readable without hovering: title, legend, labelled axes with grid lines,
 * horizontal rules (a limit) and vertical markers (an event) with their labels written on the
 * chart. Collect lines, rules and markers, then {@link #render()} once.
 */
final class LineChart {

    static final int WIDTH = 600;
    static final int HEIGHT = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = 18;
    private static final int LEGEND_ROW = 14;
    /** Title and one legend row; each further legend row pushes the plot down by {@link #LEGEND_ROW}. */
    private static final int TOP = 48;
    private static final int BOTTOM = 42;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final DoubleFunction<String> yTickLabel;
    private final List<Line> lines = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private Axis xAxis;
    private int top = TOP;
    private double yMax = Double.NaN;

    LineChart(String title, String xLabel, String yLabel, DoubleFunction<String> yTickLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.yTickLabel = yTickLabel;
    }

    LineChart line(Line line) {
        lines.add(line);
        return this;
    }

    /** A horizontal line across the plot at {@code y}, e.g. a limit, labelled at its right end. */
    LineChart rule(double y, String label, String color) {
        rules.add(new Rule(y, label, color));
        return this;
    }

    /** A vertical line at {@code x}, e.g. an event, labelled at the top of the plot. */
    LineChart marker(double x, String label, String color) {
        markers.add(new Marker(x, label, color));
        return this;
    }

    /** Fixes the x axis instead of fitting it to the data. */
    LineChart xAxis(Axis axis) {
        this.xAxis = axis;
        return this;
    }

    /** Fixes the top of the y axis, so charts placed side by side share a scale. */
    LineChart yMax(double max) {
        this.yMax = max;
        return this;
    }

    /** The highest y of any line or rule; 0 when there is none. */
    double dataMaxY() {
        double max = 0;
        for (Line line : lines) {
            max = Math.max(max, line.maxY());
        }
        for (Rule rule : rules) {
            max = Math.max(max, rule.y());
        }
        return max;
    }

    String render() {
        Axis x = xAxis != null ? xAxis : Axis.nice(minX(), maxX(), 8, value -> Html.number(value, 1));
        Axis y = Axis.nice(0, Double.isNaN(yMax) ? dataMaxY() * 1.05 : yMax, 5, yTickLabel);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        svg.append("<text class=\"title\" x=\"").append(LEFT).append("\" y=\"16\">").append(Html.escape(title)).append("</text>");
        legend(svg);
        grid(svg, x, y);
        axisTitles(svg);
        lines.forEach(line -> polyline(svg, line, x, y));
        rules.forEach(rule -> rule(svg, rule, y));
        markers(svg, x);
        return svg.append("</svg>").toString();
    }

    private void legend(StringBuilder svg) {
        List<LegendItem> items = new ArrayList<>();
        lines.forEach(line -> items.add(new LegendItem(line.name(), line.color(), line.dashed())));
        rules.forEach(rule -> items.add(new LegendItem(rule.label(), rule.color(), true)));
        int at = LEFT;
        int y = 30;
        for (LegendItem item : items) {
            int width = 32 + item.name().length() * 6;
            if (at > LEFT && at + width > WIDTH - RIGHT) {
                at = LEFT;
                y += LEGEND_ROW;
            }
            legendItem(svg, at, y, item.name(), item.color(), item.dashed());
            at += width;
        }
        top = TOP + (y - 30);
    }

    private static void legendItem(StringBuilder svg, int at, int y, String name, String color, boolean dashed) {
        svg.append("<line x1=\"").append(at).append("\" y1=\"").append(y).append("\" x2=\"").append(at + 18)
                .append("\" y2=\"").append(y).append("\" stroke=\"").append(color).append("\" stroke-width=\"2.5\"")
                .append(dashed ? " stroke-dasharray=\"5 3\"" : "").append("/>");
        svg.append("<text class=\"legend\" x=\"").append(at + 22).append("\" y=\"").append(y + 4).append("\">")
                .append(Html.escape(name)).append("</text>");
    }

    private void grid(StringBuilder svg, Axis x, Axis y) {
        int bottom = HEIGHT - BOTTOM;
        for (double tick : y.ticks()) {
            String py = coordinate(y.position(tick, bottom, top));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(py).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(py).append("\"/>");
            svg.append("<text class=\"tick\" text-anchor=\"end\" x=\"").append(LEFT - 6).append("\" y=\"").append(py)
                    .append("\" dy=\"4\">").append(Html.escape(y.label().apply(tick))).append("</text>");
        }
        for (double tick : x.ticks()) {
            String px = coordinate(x.position(tick, LEFT, WIDTH - RIGHT));
            svg.append("<line class=\"axis\" x1=\"").append(px).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(px).append("\" y2=\"").append(bottom + 5).append("\"/>");
            svg.append("<text class=\"tick\" text-anchor=\"middle\" x=\"").append(px).append("\" y=\"").append(bottom + 17)
                    .append("\">").append(Html.escape(x.label().apply(tick))).append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(top).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(bottom).append("\"/>");
    }

    private void axisTitles(StringBuilder svg) {
        svg.append("<text class=\"label\" text-anchor=\"middle\" x=\"").append((LEFT + WIDTH - RIGHT) / 2)
                .append("\" y=\"").append(HEIGHT - 6).append("\">").append(Html.escape(xLabel)).append("</text>");
        svg.append("<text class=\"label\" text-anchor=\"middle\" transform=\"translate(14 ")
                .append((top + HEIGHT - BOTTOM) / 2).append(") rotate(-90)\">").append(Html.escape(yLabel)).append("</text>");
    }

    private void polyline(StringBuilder svg, Line line, Axis x, Axis y) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= line.xs().length; i++) {
            boolean gap = i == line.xs().length || !Double.isFinite(line.ys()[i]);
            if (gap) {
                if (points.length() > 0) {
                    svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(line.color())
                            .append("\" stroke-width=\"1.8\"").append(line.dashed() ? " stroke-dasharray=\"5 3\"" : "")
                            .append(" points=\"").append(points).append("\"/>");
                    points.setLength(0);
                }
                continue;
            }
            double clamped = Math.min(line.ys()[i], y.max());
            points.append(coordinate(x.position(line.xs()[i], LEFT, WIDTH - RIGHT))).append(',')
                    .append(coordinate(y.position(clamped, HEIGHT - BOTTOM, top))).append(' ');
        }
    }

    private void rule(StringBuilder svg, Rule rule, Axis y) {
        String py = coordinate(y.position(rule.y(), HEIGHT - BOTTOM, top));
        svg.append("<line class=\"rule\" x1=\"").append(LEFT).append("\" y1=\"").append(py).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(py).append("\" stroke=\"").append(rule.color())
                .append("\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>");
        svg.append("<text class=\"rule-label\" text-anchor=\"end\" x=\"").append(WIDTH - RIGHT - 2).append("\" y=\"")
                .append(py).append("\" dy=\"-3\" fill=\"").append(rule.color()).append("\">")
                .append(Html.escape(rule.label())).append("</text>");
    }

    private void markers(StringBuilder svg, Axis x) {
        double lastLabelled = Double.NEGATIVE_INFINITY;
        for (Marker marker : markers) {
            if (marker.x() < x.min() || marker.x() > x.max()) {
                continue;
            }
            double px = x.position(marker.x(), LEFT, WIDTH - RIGHT);
            svg.append("<line class=\"marker\" x1=\"").append(coordinate(px)).append("\" y1=\"").append(top)
                    .append("\" x2=\"").append(coordinate(px)).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"").append(marker.color()).append("\" stroke-width=\"1.2\"/>");
            if (px - lastLabelled > 40) {
                boolean nearRightEdge = px > WIDTH - RIGHT - 80;
                svg.append("<text class=\"marker-label\"").append(nearRightEdge ? " text-anchor=\"end\"" : "")
                        .append(" x=\"").append(coordinate(nearRightEdge ? px - 2 : px + 2)).append("\" y=\"")
                        .append(top + 10).append("\" fill=\"").append(marker.color()).append("\">")
                        .append(Html.escape(marker.label())).append("</text>");
                lastLabelled = px;
            }
        }
    }

    private double minX() {
        double min = Double.POSITIVE_INFINITY;
        for (Line line : lines) {
            for (double x : line.xs()) {
                min = Math.min(min, x);
            }
        }
        return min == Double.POSITIVE_INFINITY ? 0 : min;
    }

    private double maxX() {
        double max = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            for (double x : line.xs()) {
                max = Math.max(max, x);
            }
        }
        return max == Double.NEGATIVE_INFINITY ? 1 : max;
    }

    private static String coordinate(double value) {
        return Html.number(value, 1);
    }

    private record LegendItem(String name, String color, boolean dashed) {
    }

    private record Rule(double y, String label, String color) {
    }

    private record Marker(double x, String label, String color) {
    }
}
