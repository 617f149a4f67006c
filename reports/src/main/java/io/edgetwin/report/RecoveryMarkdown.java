package io.edgetwin.report;

import java.util.List;
import java.util.Map;

/**
 * report.md's recovery section: one row per twin a fault cut off, with how soon the harness's own client
 * and then the twin were back. Left out when no variant had such a fault.
 */
final class RecoveryMarkdown {

    private static final String NOT_BACK = "not within the run";

    private RecoveryMarkdown() {
    }

    static String section(Map<String, VariantResult> variants) {
        if (variants.values().stream().allMatch(v -> v.recovery().isEmpty())) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("llrrrlrr", List.of("variant", "fault", "from (s)", "back at (s)",
                "harness connected after (ms)", "twin", "twin connected after (ms)", "answering after (ms)"));
        variants.forEach((name, variant) -> variant.recovery().forEach(recovery -> recovery.twins().forEach(twin ->
                table.row(List.of(name, recovery.fault(), seconds(recovery.startMs()), seconds(twin.backMs()),
                        ms(recovery.harnessConnectedAfterMs(), "–"), twin.twin(), ms(twin.connectedAfterMs(), NOT_BACK),
                        ms(twin.answeringAfterMs(), NOT_BACK))))));
        return "## Recovery\n\n" + table.render() + "\n";
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String ms(Long value, String none) {
        return value == null ? none : Long.toString(value);
    }
}
