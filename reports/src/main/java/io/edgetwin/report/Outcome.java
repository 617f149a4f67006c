package io.edgetwin.report;

/**
 * A report's overall verdict as written to report.json. {@link #INVALID} wins over {@link #FAIL}:
 * thresholds checked on a run whose measurements cannot be trusted say nothing either way.
 */
public enum Outcome {
    PASS, FAIL, INVALID,
    /** The run was stopped before its end (Ctrl-C): the report holds what was measured until then. */
    ABORTED
}
