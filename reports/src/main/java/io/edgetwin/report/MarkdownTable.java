package io.edgetwin.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table whose columns are padded to equal width, so it reads as well in a terminal as
 * rendered in a pull-request comment. Each column is aligned left ({@code l}) or right ({@code r}),
 * as given by one letter per column: {@code "lrr"}.
 */
final class MarkdownTable {

    private final List<String> header;
    private final String alignment;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String alignment, List<String> header) {
        if (!alignment.matches("[lr]{" + header.size() + "}")) {
            throw new IllegalArgumentException("alignment '" + alignment + "'; expected one l or r per column of "
                    + header);
        }
        this.alignment = alignment;
        this.header = header.stream().map(MarkdownTable::escape).toList();
    }

    MarkdownTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells; expected " + header.size());
        }
        rows.add(cells.stream().map(MarkdownTable::escape).toList());
        return this;
    }

    String render() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            String dashes = "-".repeat(Math.max(widths[column], 3));
            out.append(' ').append(left(column) ? dashes : dashes.substring(1) + ':').append(" |");
        }
        out.append('\n');
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private int[] widths() {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = Math.max(3, header.get(column).length());
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    private boolean left(int column) {
        return alignment.charAt(column) == 'l';
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            out.append(' ').append(left(column) ? cell + padding : padding + cell).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
