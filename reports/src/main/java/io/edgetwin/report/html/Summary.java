package io.edgetwin.report.html;

import io.edgetwin.report.VariantResult;
import io.edgetwin.report.headline.Change;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The side-by-side table: a column per variant, then one per compared pair with ratios and differences. */
final class Summary {

    private final Map<String, VariantResult> variants;
    private final List<String[]> pairs;
    private final StringBuilder out = new StringBuilder("<table class=\"summary\"><tr><th></th>");

    Summary(Map<String, VariantResult> variants, List<String[]> pairs) {
        this.variants = variants;
        this.pairs = pairs;
        variants.keySet().forEach(name -> out.append("<th>").append(Html.escape(name)).append("</th>"));
        pairs.forEach(pair -> out.append("<th class=\"pair\">").append(Html.escape(pair[0] + " vs " + pair[1])).append("</th>"));
        out.append("</tr>");
    }

    /** @param compare the pair's cell from (variant, against); null leaves it empty */
    void row(String label, Function<VariantResult, String> cell, BiFunction<VariantResult, VariantResult, String> compare) {
        out.append("<tr><th>").append(Html.escape(label)).append("</th>");
        variants.values().forEach(v -> out.append("<td class=\"num\">").append(cell.apply(v)).append("</td>"));
        pairs.forEach(pair -> out.append("<td class=\"num pair\">").append(compare == null ? ""
                : compare.apply(variants.get(pair[0]), variants.get(pair[1]))).append("</td>"));
        out.append("</tr>");
    }

    String render() {
        return out + "</table>";
    }

    @SafeVarargs
    static BiFunction<VariantResult, VariantResult, String> ratios(ToDoubleFunction<VariantResult>... figures) {
        return cells(false, figures);
    }

    @SafeVarargs
    static BiFunction<VariantResult, VariantResult, String> differences(ToDoubleFunction<VariantResult>... figures) {
        return cells(true, figures);
    }

    private static BiFunction<VariantResult, VariantResult, String> cells(boolean count,
                                                                          ToDoubleFunction<VariantResult>[] figures) {
        return (variant, against) -> Arrays.stream(figures)
                .map(f -> new Change("", f.applyAsDouble(variant), f.applyAsDouble(against), "", count).cell())
                .collect(Collectors.joining(" / "));
    }
}
