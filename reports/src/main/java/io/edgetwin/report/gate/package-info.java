/**
 * Thresholds and the gate that checks them. {@link io.edgetwin.report.gate.Threshold#parse} turns
 * {@code <metric> <op> <bound>} into a {@link io.edgetwin.report.gate.Threshold}: a
 * {@link io.edgetwin.report.gate.Metric}, an {@link io.edgetwin.report.gate.Operator} and an
 * {@link io.edgetwin.report.gate.Operand} — a number in the metric's base unit, or a reference to
 * another measurement ({@code 0.5 * unlimited.latency.p99}) read from a
 * {@link io.edgetwin.report.gate.Source}. {@link io.edgetwin.report.gate.References#problems} checks
 * the variants comparisons name before a run; {@link io.edgetwin.report.gate.Gate#evaluate} checks
 * thresholds within a {@link io.edgetwin.report.gate.Scope} and returns a
 * {@link io.edgetwin.report.gate.Verdict} with its {@link io.edgetwin.report.gate.Violation}s. A
 * comparison may end in {@code with 95% confidence} ({@link io.edgetwin.report.gate.Confidence}); the
 * report's bootstrap intervals decide it (io.edgetwin.report.confidence.ConfidenceGate). Bad
 * expressions throw {@link io.edgetwin.report.gate.ThresholdException}.
 */
package io.edgetwin.report.gate;
