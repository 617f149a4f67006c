package io.edgetwin.simulator.run;

import io.edgetwin.report.Report;
import io.edgetwin.report.RunSetup;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Operand;
import io.edgetwin.report.gate.Source;
import io.edgetwin.report.gate.Threshold;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a run stopped before its end (Ctrl-C): the variants that finished and the one being
 * measured (marked partial by {@link VariantRun#partial}), with the thresholds they can still be checked
 * against (a comparison with a variant that never started measuring is left out), marked ABORTED.
 */
final class PartialReport {

    private PartialReport() {
    }

    /**
     * @param finished   the variants measured, in whole or in part, in run order
     * @param thresholds every variant's thresholds
     * @param reason     why and where the run stopped, e.g. {@code interrupted (Ctrl-C) during [unlimited] 16/30 s ...}
     * @return empty when no variant was measured: there is nothing to report
     */
    static Optional<Report> of(RunSetup setup, Instant startedAt, Instant stoppedAt, Map<String, VariantResult> finished,
                               Map<String, List<Threshold>> thresholds, String reason) {
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Threshold>> checkable = new LinkedHashMap<>();
        finished.keySet().forEach(name -> checkable.put(name, thresholds.getOrDefault(name, List.of()).stream()
                .filter(threshold -> threshold.reference().map(Operand.Reference::source)
                        .filter(source -> source instanceof Source.OtherVariant other && !finished.containsKey(other.name()))
                        .isEmpty())
                .toList()));
        return Optional.of(Report.of(setup, startedAt, stoppedAt, Gate.judge(finished, checkable)).abortedBecause(reason));
    }
}
