package io.edgetwin.simulator.run;

import io.edgetwin.report.Interference;
import io.edgetwin.report.Validity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validity rule on the host's interference: a variant whose measured part saw the rest of the host
 * use more than {@code validity.maxOutsideCpu} of its cores on average measured that load too, so its
 * run is INVALID with the interference named. A run whose interference could not be measured is judged
 * without this rule.
 */
final class InterferenceRule {

    private InterferenceRule() {
    }

    static Validity apply(Validity validity, Interference interference, double maxOutsideCpu) {
        if (interference == null || interference.samples().isEmpty() || interference.outsideShare() <= maxOutsideCpu) {
            return validity;
        }
        List<String> reasons = new ArrayList<>(validity.reasons());
        reasons.add(String.format(Locale.ROOT, "host interference: others on this host used %.0f %% of the %d cores"
                        + " during the measured part (peak %.0f %%); the limit is %.0f %% (validity.maxOutsideCpu) —"
                        + " the latencies measured the other load too; rerun on a quieter host",
                interference.outsideShare() * 100, interference.cores(), interference.outsideMax() * 100, maxOutsideCpu * 100));
        return new Validity(false, reasons);
    }
}
