package io.edgetwin.report.html;

import io.edgetwin.report.PlacementRows;
import io.edgetwin.report.VariantResult;
import java.util.Map;

/** report.html's "Edge or cloud" table: {@link PlacementRows} with a column per variant. */
final class PlacementTable {

    private PlacementTable() {
    }

    static String render(Map<String, VariantResult> variants) {
        StringBuilder out = new StringBuilder("<table><tr><th>measure</th>");
        variants.keySet().forEach(name -> out.append("<th>").append(Html.escape(name)).append("</th>"));
        out.append("</tr>");
        for (PlacementRows.Row row : PlacementRows.rows()) {
            out.append("<tr><td>").append(Html.escape(row.label())).append("</td>");
            variants.values().forEach(v -> out.append("<td class=\"num\">")
                    .append(v.placement() == null ? "–" : Html.escape(row.value().apply(v.placement()))).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</table>").toString();
    }
}
