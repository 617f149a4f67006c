package io.edgetwin.report.html;

import io.edgetwin.report.Recovery;
import io.edgetwin.report.VariantResult;

/**
 * The page's recovery table: per fault that cut twins off, when it ended, how soon the harness's own
 * client could send again, and per twin how soon it was connected and answering. A twin that did not
 * come back within the run is marked, not left blank.
 */
final class RecoveryTable {

    private RecoveryTable() {
    }

    static String of(VariantResult variant) {
        if (variant.recovery().isEmpty()) {
            return "<p class=\"note\">no fault cut a twin off</p>";
        }
        StringBuilder out = new StringBuilder("<table><tr><th>fault</th><th>from (s)</th><th>back at (s)</th>"
                + "<th>harness connected after</th><th>twin</th><th>twin connected after</th><th>answering after</th></tr>");
        for (Recovery recovery : variant.recovery()) {
            for (Recovery.TwinRecovery twin : recovery.twins()) {
                out.append("<tr><td>").append(Html.escape(recovery.fault())).append("</td><td class=\"num\">")
                        .append(seconds(recovery.startMs())).append("</td><td class=\"num\">").append(seconds(twin.backMs()))
                        .append("</td><td class=\"num\">").append(ms(recovery.harnessConnectedAfterMs(), "–"))
                        .append("</td><td>").append(Html.escape(twin.twin())).append("</td><td class=\"num\">")
                        .append(ms(twin.connectedAfterMs(), "<span class=\"bad\">not within the run</span>"))
                        .append("</td><td class=\"num\">")
                        .append(ms(twin.answeringAfterMs(), "<span class=\"bad\">not within the run</span>"))
                        .append("</td></tr>");
            }
        }
        return out.append("</table>").toString();
    }

    private static String seconds(long ms) {
        return Html.number(ms / 1000.0, 1);
    }

    private static String ms(Long value, String none) {
        return value == null ? none : value + " ms";
    }
}
