package io.edgetwin.report.html;

/** Colours that stay apart on screen and in print; the i-th thing gets the i-th colour, cycling. */
final class Palette {

    static final String LIMIT = "#c0392b";
    static final String FAULT = "#e67e22";
    static final String OOM = "#8e44ad";
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf",
        "#8c564b", "#e377c2"};

    private Palette() {
    }

    static String color(int index) {
        return COLORS[index % COLORS.length];
    }
}
