package io.edgetwin.report;

/** A report's overall verdict as written to report.json. */
public enum Outcome {
    PASS, FAIL
}
