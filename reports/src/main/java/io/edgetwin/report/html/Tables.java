package io.edgetwin.report.html;

import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.DeviceTotals;
import io.edgetwin.report.Event;
import io.edgetwin.report.FleetTwin;
import io.edgetwin.report.StateChange;
import io.edgetwin.report.VariantResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The page's tables: variants side by side, components, fleet status and events. */
final class Tables {

    /** Events listed per variant; the rest are counted, not listed, to keep the page small. */
    static final int MAX_EVENTS = 200;

    private Tables() {
    }

    /**
     * Variants side by side, then a column per compared pair ({@code limited vs unlimited}): the ratio
     * of each measure ({@code ×0.24}) and the difference of each count ({@code −1}).
     */
    static String summary(Map<String, VariantResult> variants, List<String[]> pairs) {
        Summary table = new Summary(variants, pairs);
        table.row("run", v -> v.partial() != null ? "<span class=\"bad\">PARTIAL</span>"
                : v.validity().valid() ? "<span class=\"ok\">valid</span>"
                : "<span class=\"bad\">INVALID</span>", null);
        table.row("thresholds", v -> v.passed() ? "<span class=\"ok\">passed</span>"
                : "<span class=\"bad\">FAILED</span>", null);
        table.row("device memory cap", v -> caps(v.device(), v.requested(), d -> Html.mib(d.memoryBytes())), null);
        table.row("device cpus", v -> caps(v.device(), v.requested(), d -> Html.number(d.cpus(), 2)), null);
        table.row("twins", v -> Integer.toString(Math.max(1, v.twins().size())), null);
        table.row("requests sent / ok / failed / late", v -> v.requests().sent() + " / " + v.requests().ok()
                + " / " + v.requests().failed() + " / " + v.requests().late(), Summary.differences(
                v -> v.requests().sent(), v -> v.requests().ok(), v -> v.requests().failed(), v -> v.requests().late()));
        table.row("requests unsent (harness offline)", v -> Long.toString(v.requests().unsent()),
                Summary.differences(v -> v.requests().unsent()));
        table.row("latency p50 / p90 / p99 / max (ms)", v -> Html.number(v.latencyMs().p50(), 2) + " / "
                + Html.number(v.latencyMs().p90(), 2) + " / " + Html.number(v.latencyMs().p99(), 2) + " / "
                + Html.number(v.latencyMs().max(), 2), Summary.ratios(v -> v.latencyMs().p50(), v -> v.latencyMs().p90(),
                v -> v.latencyMs().p99(), v -> v.latencyMs().max()));
        if (variants.values().stream().anyMatch(v -> v.correct() != null)) {
            table.row("correct answers (accuracy)", v -> v.correct() == null ? "–" : v.correct()
                    + (v.requests().ok() == 0 ? "" : " (" + Html.number(v.accuracy() * 100, 1) + " %)"),
                    Summary.differences(v -> v.accuracy() * 100));
        }
        table.row("throughput", v -> Html.number(v.throughputPerSec(), 1) + " /s", Summary.ratios(VariantResult::throughputPerSec));
        table.row("device peak memory", v -> Html.mib(v.devicePeakMemoryBytes()),
                Summary.ratios(VariantResult::devicePeakMemoryBytes));
        table.row("device OOM kills", v -> Long.toString(v.oomKills().device()), Summary.differences(v -> v.oomKills().device()));
        table.row("component OOM kills", v -> v.oomKills().components().isEmpty() ? "0"
                : v.oomKills().components().entrySet().stream().map(e -> Html.escape(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining("<br>")), Summary.differences(
                v -> v.oomKills().components().values().stream().mapToLong(Long::longValue).sum()));
        table.row("device throttled ratio (worst twin)", v -> percent(DeviceTotals.throttleRatio(v)),
                Summary.ratios(DeviceTotals::throttleRatio));
        table.row("device major faults/s (worst twin)", v -> Html.number(DeviceTotals.majorFaultsPerSec(v), 1),
                Summary.ratios(DeviceTotals::majorFaultsPerSec));
        return table.render();
    }

    static String components(VariantResult variant) {
        StringBuilder out = new StringBuilder("<table><tr><th>component</th><th>memory limit</th><th>cpus</th>"
                + "<th>limits</th><th>state</th><th>restarts</th><th>OOM kills</th><th>peak memory</th>"
                + "<th>throttled</th><th>major faults/s</th><th>history</th></tr>");
        variant.components().forEach((name, c) -> out.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"num\">")
                .append(Html.escape(c.memoryLimitCell(kb -> Html.mib(kb * 1024.0))))
                .append("</td><td class=\"num\">").append(c.limits().cpus() == null ? "unlimited" : Html.number(c.limits().cpus(), 2))
                .append("</td><td>").append(c.enforced() ? "enforced" : "recorded only").append("</td><td>")
                .append(Html.escape(c.state())).append("</td><td class=\"num\">").append(c.restarts())
                .append("</td><td class=\"num\">").append(Math.max(c.oomKills(), variant.oomKills().component(name)))
                .append("</td><td class=\"num\">").append(c.memoryPeakBytes() == null ? "–" : Html.mib(c.memoryPeakBytes()))
                .append("</td><td class=\"num\">").append(c.throttleRatio() == null ? "–" : percent(c.throttleRatio()))
                .append("</td><td class=\"num\">").append(c.majorFaultsPerSec() == null ? "–" : Html.number(c.majorFaultsPerSec(), 1))
                .append("</td><td>").append(history(c)).append("</td></tr>"));
        return out.append("</table>").toString();
    }

    static String fleet(VariantResult variant) {
        if (variant.twins().isEmpty()) {
            return "<p class=\"note\">no fleet status recorded</p>";
        }
        Map<String, Long> byStatus = variant.twins().stream().collect(Collectors.groupingBy(
                twin -> twin.deploymentStatus() == null ? "no deployment" : twin.deploymentStatus(),
                java.util.TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder("<p>").append(variant.twins().size()).append(" twins: ")
                .append(byStatus.entrySet().stream().map(e -> e.getValue() + " " + Html.escape(e.getKey()))
                        .collect(Collectors.joining(", ")))
                .append("</p><table><tr><th>twin</th><th>deployment</th><th>status</th>"
                + "<th>components</th><th>last seen</th><th>reconnects</th></tr>");
        for (FleetTwin twin : variant.twins()) {
            out.append("<tr><td>").append(Html.escape(twin.name())).append("</td><td>").append(Html.escape(orDash(twin.deploymentId())))
                    .append("</td><td>").append(status(twin.deploymentStatus())).append("</td><td>")
                    .append(twin.components().entrySet().stream().map(e -> Html.escape(e.getKey() + " " + e.getValue()))
                            .collect(Collectors.joining("<br>")))
                    .append("</td><td>").append(twin.lastSeen() == null ? "–" : twin.lastSeen().toString())
                    .append("</td><td class=\"num\">").append(twin.reconnects()).append("</td></tr>");
        }
        return out.append("</table>").toString();
    }

    static String events(VariantResult variant) {
        List<Event> events = variant.events();
        if (events.isEmpty()) {
            return "<p class=\"note\">no events recorded</p>";
        }
        StringBuilder out = new StringBuilder("<table><tr><th>t (s)</th><th>twin</th><th>component</th><th>kind</th>"
                + "<th>detail</th></tr>");
        events.stream().limit(MAX_EVENTS).forEach(event -> out.append("<tr><td class=\"num\">")
                .append(Html.number(event.tMs() / 1000.0, 1)).append("</td><td>").append(Html.escape(orDash(event.twin())))
                .append("</td><td>").append(Html.escape(orDash(event.component()))).append("</td><td>")
                .append(Html.escape(event.kind())).append("</td><td>").append(Html.escape(event.detail())).append("</td></tr>"));
        out.append("</table>");
        if (events.size() > MAX_EVENTS) {
            out.append("<p class=\"note\">and ").append(events.size() - MAX_EVENTS).append(" more in report.json</p>");
        }
        return out.toString();
    }

    private static String caps(DeviceCaps applied, DeviceCaps requested, Function<DeviceCaps, String> field) {
        String got = field.apply(applied);
        String asked = field.apply(requested);
        return got.equals(asked) ? got : got + " (requested " + asked + ")";
    }

    private static String history(ComponentResult component) {
        return component.stateHistory().stream().limit(10)
                .map((StateChange change) -> Html.number(change.tMs() / 1000.0, 1) + " s " + Html.escape(change.state())
                        + (change.reason().isEmpty() ? "" : " (" + Html.escape(change.reason()) + ")"))
                .collect(Collectors.joining("<br>"));
    }

    private static String status(String status) {
        if (status == null) {
            return "–";
        }
        return "<span class=\"" + ("SUCCESSFUL".equals(status) ? "ok" : "bad") + "\">" + Html.escape(status) + "</span>";
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : Html.number(ratio * 100, 1) + " %";
    }

    private static String orDash(String text) {
        return text == null ? "–" : text;
    }
}
