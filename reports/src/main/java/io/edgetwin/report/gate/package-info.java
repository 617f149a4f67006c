/**
 * Thresholds and the gate that checks them. {@link io.edgetwin.report.gate.Threshold#parse} turns
 * {@code <metric> <op> <number>[unit]} into a {@link io.edgetwin.report.gate.Threshold} (a
 * {@link io.edgetwin.report.gate.Metric}, a {@link io.edgetwin.report.gate.Comparison} and a limit
 * in the metric's base unit); {@link io.edgetwin.report.gate.Gate#evaluate} checks them against a
 * variant and returns a {@link io.edgetwin.report.gate.Verdict} with its
 * {@link io.edgetwin.report.gate.Violation}s. Bad expressions throw
 * {@link io.edgetwin.report.gate.ThresholdException}.
 */
package io.edgetwin.report.gate;
