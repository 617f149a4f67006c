package io.edgetwin.report.html;

import io.edgetwin.report.SecurityRows;
import io.edgetwin.report.VariantResult;
import java.util.List;
import java.util.Map;

/** report.html's "Attacks" table: {@link SecurityRows}, one row per attack and a total per variant. */
final class SecurityTable {

    private SecurityTable() {
    }

    static String render(Map<String, VariantResult> variants) {
        StringBuilder out = new StringBuilder("<table><tr>");
        SecurityRows.HEADER.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr>");
        for (List<String> row : SecurityRows.rows(variants)) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(i >= 5 ? "<td class=\"num\">" : "<td>").append(Html.escape(row.get(i))).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</table>").toString();
    }
}
