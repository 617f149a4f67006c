package io.edgetwin.simulator.run;

import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.load.LoadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress lines a variant prints once its measured part is over: one per workload, one per Lambda
 * function, where the inference time went, each series not sampled, the host's interference, the
 * attacks, and the variant's total last.
 */
final class VariantSummary {

    private VariantSummary() {
    }

    /**
     * @param measured the variant's result with its workloads, missing series, interference and (when measured)
     *                 where the inference time went
     * @param load     what the load generator counted over every workload
     * @param validity the variant's validity
     * @param attacks  the attack tally's sentence, or {@code null} when the variant ran no attack
     */
    static List<String> lines(VariantResult measured, LoadResult load, Validity validity, String attacks) {
        List<String> lines = new ArrayList<>();
        measured.workloads().forEach((name, w) -> lines.add(String.format("%s → %s: ok %d of %d, p99 %.1f ms, correct %d, %s",
                name, w.target(), w.requests().ok(), w.requests().sent(), w.latencyMs().p99(), w.correct(),
                verdict(w.validity()))));
        measured.components().forEach((name, c) -> {
            if (c.lambda() != null) {
                lines.add(name + ": " + c.lambda().memoryCell() + ", " + c.lambda().sentence());
            }
        });
        if (measured.placement() != null) {
            lines.add(PlacementMeter.describe(measured.placement()));
            lines.add(PlacementMeter.describePath(measured.placement()));
        }
        measured.missingSeries().forEach(m -> lines.add("series not sampled: " + m.describe()));
        if (measured.interference() != null) {
            lines.add(measured.interference().sentence());
        }
        if (attacks != null) {
            lines.add(attacks);
        }
        lines.add(String.format("done: ok %d of %d, dropped %d, unsent %d, unanswered %d, p99 %.1f ms, correct %d, %s",
                load.ok(), load.scheduled(), load.dropped(), load.unsent(), load.unanswered(), measured.latencyMs().p99(),
                load.correct(), verdict(validity)));
        return lines;
    }

    private static String verdict(Validity validity) {
        return validity.valid() ? "VALID" : "INVALID: " + String.join("; ", validity.reasons());
    }
}
