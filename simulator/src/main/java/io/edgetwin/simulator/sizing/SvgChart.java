package io.edgetwin.simulator.sizing;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * One inline SVG scatter chart of latency p99 against a cap: a logarithmic x axis (the search steps
 * geometrically), a linear y axis from 0 ms, a dashed SLO line, and each trial as a marker whose shape and
 * colour name its outcome. A trial without a p99 (its run did not complete) sits on the top edge.
 */
final class SvgChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    /** One marker: x in the cap's unit, p99 in ms (null: no report). */
    record Point(int trial, double x, Double p99Ms, Outcome outcome) {
    }

    private SvgChart() {
    }

    static String render(String title, double xMin, double xMax, DoubleFunction<String> xLabel, List<Point> points, Double sloMs) {
        double yMax = Math.max(1, Math.max(sloMs == null ? 0 : sloMs,
                points.stream().filter(p -> p.p99Ms() != null).mapToDouble(Point::p99Ms).max().orElse(0)) * 1.15);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">"
                + "<title>%s</title>", WIDTH, HEIGHT, SizingHtml.escape(title)));
        axes(svg, xMin, xMax, xLabel, yMax);
        if (sloMs != null) {
            double y = y(sloMs, yMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#c00\" text-anchor=\"end\">SLO %s ms</text>",
                    LEFT, y, WIDTH - RIGHT, y, WIDTH - RIGHT, y - 4, fmt(sloMs)));
        }
        for (Point p : points) {
            double x = x(p.x(), xMin, xMax);
            double y = p.p99Ms() == null ? TOP : y(Math.min(p.p99Ms(), yMax), yMax);
            svg.append(marker(p.outcome(), x, y))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#333\">%d</text>", x + 6, y - 6, p.trial()));
        }
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, double xMin, double xMax, DoubleFunction<String> xLabel, double yMax) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", LEFT, bottom, WIDTH - RIGHT, bottom));
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", LEFT, TOP, LEFT, bottom));
        for (int i = 0; i <= 4; i++) {
            double value = xMin * Math.pow(xMax / xMin, i / 4.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x(value, xMin, xMax), bottom + 16, SizingHtml.escape(xLabel.apply(value))));
            double ms = yMax * i / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y(ms, yMax) + 4, fmt(ms)));
        }
        svg.append(String.format("<text x=\"14\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">"
                + "latency p99 (ms)</text>", HEIGHT / 2, HEIGHT / 2));
    }

    static String marker(Outcome outcome, double x, double y) {
        return switch (outcome) {
            case PASS -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#2a2\"><title>PASS</title></circle>", x, y);
            case OOM -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl10 10m0 -10l-10 10\" stroke=\"#d00\" stroke-width=\"3\">"
                    + "<title>OOM</title></path>", x - 5, y - 5);
            case THRASH -> String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl6 10h-12z\" fill=\"#e80\"><title>THRASH</title></path>", x, y - 6);
            case SLO_MISS -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"none\" stroke=\"#80c\" "
                    + "stroke-width=\"2.5\"><title>SLO_MISS</title></circle>", x, y);
            case INVALID -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"#888\">"
                    + "<title>INVALID</title></rect>", x - 4.5, y - 4.5);
        };
    }

    private static double x(double value, double min, double max) {
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.log(value / min) / Math.log(max / min);
    }

    private static double y(double ms, double yMax) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * ms / yMax;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }
}
