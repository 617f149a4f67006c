package io.edgetwin.report.html;

/**
 * One line of a chart: a name for the legend, a colour, and its points; a {@code NaN} y leaves a gap.
 */
record Line(String name, String color, boolean dashed, double[] xs, double[] ys) {

    Line {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("line '" + name + "' has " + xs.length + " x and " + ys.length
                    + " y values; expected as many of each");
        }
    }

    double maxY() {
        double max = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                max = Math.max(max, y);
            }
        }
        return max;
    }
}
