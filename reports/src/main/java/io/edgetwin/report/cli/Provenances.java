package io.edgetwin.report.cli;

import io.edgetwin.report.Report;
import java.util.List;

/** Whether two runs ran on comparable machines, as {@code gate --baseline} asks before comparing them. */
final class Provenances {

    private Provenances() {
    }

    /**
     * How the baseline's host class or twin image differ from the run's; a run or baseline that did
     * not record its provenance is named as such, since nothing says they match.
     */
    static List<String> differences(Report run, Report baseline) {
        if (run.provenance() == null || baseline.provenance() == null) {
            return List.of((run.provenance() == null ? "this run" : "the baseline") + " recorded no provenance,"
                    + " so nothing says both ran on the same host class and image");
        }
        return run.provenance().differencesFrom(baseline.provenance());
    }
}
