/**
 * The report of a scenario run and its renderers. {@link io.edgetwin.report.Report} is the root of
 * an immutable tree of records ({@link io.edgetwin.report.VariantResult} per variant, with its
 * {@link io.edgetwin.report.DeviceCaps}, {@link io.edgetwin.report.RequestCounts},
 * {@link io.edgetwin.report.LatencySummary}, {@link io.edgetwin.report.OomKills},
 * {@link io.edgetwin.report.ComponentResult} and {@link io.edgetwin.report.ThresholdResult}s).
 * {@link io.edgetwin.report.ReportFormat} is the rendering seam: {@link io.edgetwin.report.ReportJson}
 * writes and reads report.json, {@link io.edgetwin.report.ReportMarkdown} renders report.md.
 * Depends on no other edgetwin module.
 */
package io.edgetwin.report;
