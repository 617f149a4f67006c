package io.edgetwin.report;

/**
 * The one unchecked exception of the reports module: a report that cannot be read or written, or
 * a threshold that cannot be parsed or evaluated ({@link io.edgetwin.report.gate.ThresholdException}
 * extends it). Messages name the file or expression, say what was expected and what was found.
 */
public class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
