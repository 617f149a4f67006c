package io.edgetwin.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where each variant's resource figures came from, one sentence per source, e.g. {@code device of
 * 4 twin(s): host cgroup; com.edgetwin.Inference of 4 twin(s): core status}. Figures of twins on other
 * machines come from their cores, not from this host's cgroup files; a reader needs to know which.
 */
public final class SeriesSources {

    private SeriesSources() {
    }

    /** One line per source in this variant; empty when no series recorded its source. */
    public static List<String> lines(VariantResult variant) {
        Map<String, TreeSet<String>> componentsBySource = new LinkedHashMap<>();
        Map<String, TreeSet<String>> twinsBySource = new LinkedHashMap<>();
        for (ResourceSeries series : variant.series()) {
            if (series.source() != null) {
                componentsBySource.computeIfAbsent(series.source(), s -> new TreeSet<>()).add(series.component());
                twinsBySource.computeIfAbsent(series.source(), s -> new TreeSet<>()).add(series.twin());
            }
        }
        return componentsBySource.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " of "
                + twinsBySource.get(e.getKey()).size() + " twin(s): " + e.getKey()).toList();
    }

    /** The Markdown section: nothing when no variant recorded sources. */
    public static String markdown(Map<String, VariantResult> variants) {
        StringBuilder out = new StringBuilder();
        variants.forEach((name, variant) -> lines(variant).forEach(line -> out.append("- ").append(name).append(": ")
                .append(line).append('\n')));
        return out.isEmpty() ? "" : "\n## Where the resource figures came from\n\n" + out + "\n";
    }
}
