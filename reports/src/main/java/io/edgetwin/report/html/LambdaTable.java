package io.edgetwin.report.html;

import io.edgetwin.report.LambdaRows;
import io.edgetwin.report.VariantResult;
import java.util.List;

/** The page's table of a variant's Lambda functions ({@link LambdaRows}); nothing when it ran none. */
final class LambdaTable {

    private LambdaTable() {
    }

    static String of(VariantResult variant) {
        List<List<String>> rows = LambdaRows.of(variant);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h4>Lambda functions</h4><table><tr>");
        LambdaRows.HEADER.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr>");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(i < 2 ? "<td>" : "<td class=\"num\">").append(Html.escape(row.get(i))).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</table>").toString();
    }
}
