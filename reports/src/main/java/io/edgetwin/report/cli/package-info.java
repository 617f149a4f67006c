/**
 * The reports command line: {@link io.edgetwin.report.cli.ReportCli} with {@code report DIR}
 * (re-render) and {@code gate DIR} (thresholds, baseline tolerances, junit.xml, exit code).
 */
package io.edgetwin.report.cli;
