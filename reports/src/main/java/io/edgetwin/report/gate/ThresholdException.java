package io.edgetwin.report.gate;

import io.edgetwin.report.ReportException;

/**
 * A threshold expression that cannot be parsed, or cannot be evaluated against a variant (a
 * component metric naming a component the variant does not have). The message quotes the
 * expression and lists what would have been accepted.
 */
public class ThresholdException extends ReportException {

    public ThresholdException(String message) {
        super(message);
    }

    public ThresholdException(String message, Throwable cause) {
        super(message, cause);
    }
}
