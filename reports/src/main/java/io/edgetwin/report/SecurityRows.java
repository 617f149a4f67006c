package io.edgetwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variants' attacks, one row per attack with its counts (docs/security.md, "Attacks"), as report.md
 * and report.html both show them; left out when no variant had attack faults. The column that must be
 * zero on an mTLS variant is {@code delivered}, with {@code admitted} for connections.
 */
public final class SecurityRows {

    /** The table's header. */
    public static final List<String> HEADER = List.of("variant", "security", "attack", "via", "victim", "attempts", "refused",
            "delivered", "admitted");

    private SecurityRows() {
    }

    /** Whether any variant had attack faults. */
    public static boolean any(Map<String, VariantResult> variants) {
        return variants.values().stream().anyMatch(v -> v.security() != null);
    }

    /** One row of cells per attack, then one total per variant, in {@link #HEADER}'s order. */
    public static List<List<String>> rows(Map<String, VariantResult> variants) {
        List<List<String>> rows = new ArrayList<>();
        variants.forEach((name, v) -> {
            SecurityResult s = v.security();
            if (s == null) {
                return;
            }
            for (SecurityResult.Attack a : s.attacks()) {
                rows.add(List.of(name, s.security(), a.kind(), a.attacker() == null ? a.via() : a.via() + " from " + a.attacker(),
                        a.victim(), Long.toString(a.attempts()), Long.toString(a.refused()), Long.toString(a.deliveries()),
                        Long.toString(a.admitted())));
            }
            rows.add(List.of(name, s.security(), "all", "", "", Long.toString(s.attempts()), Long.toString(s.refused()),
                    Long.toString(s.deliveries()), Long.toString(s.admitted())));
        });
        return rows;
    }

    /** report.md's section, or nothing when no variant had attack faults. */
    static String section(Map<String, VariantResult> variants) {
        if (!any(variants)) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("lllllrrrr", HEADER);
        rows(variants).forEach(table::row);
        return "## Attacks\n\n" + table.render() + "\nOn an mTLS variant `delivered` (messages delivered across things) and"
                + " `admitted` (forbidden connections let in) must be 0 (docs/security.md).\n\n";
    }
}
