package io.edgetwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Lambda functions of one variant as table rows, for report.md and the page alike: per function its
 * container mode, memory size against its peak memory, OOM kills, and what its launcher counted. Empty
 * when the variant ran no Lambda component.
 */
public final class LambdaRows {

    /** The header of the table the rows belong to. */
    public static final List<String> HEADER = List.of("function", "mode", "memory size (MiB)", "peak memory (MiB)",
            "OOM kills", "received", "invocations", "errors", "timeouts", "crashes", "dropped", "instances started",
            "peak instances", "slowest start (ms)");

    private LambdaRows() {
    }

    /** One row per Lambda component of {@code variant}, in the report's order of components. */
    public static List<List<String>> of(VariantResult variant) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, ComponentResult> e : variant.components().entrySet()) {
            LambdaResult f = e.getValue().lambda();
            if (f == null) {
                continue;
            }
            Long peak = e.getValue().memoryPeakBytes();
            rows.add(List.of(e.getKey(), f.containerMode(), mib(f.memorySizeKb() * 1024.0) + (f.contained() ? "" : " (not enforced)"),
                    peak == null ? "–" : mib(peak), Long.toString(Math.max(e.getValue().oomKills(),
                            variant.oomKills().component(e.getKey()))),
                    count(f.received()), count(f.invocations()), count(f.errors()), count(f.timeouts()), count(f.crashes()),
                    count(f.dropped()), count(f.instancesStarted()), count(f.peakInstances()), count(f.slowestStartMs())));
        }
        return rows;
    }

    private static String mib(double bytes) {
        return String.format("%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String count(long n) {
        return String.format("%,d", n);
    }
}
