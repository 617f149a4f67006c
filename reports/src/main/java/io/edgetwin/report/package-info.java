/**
 * The report of a scenario run (report.json schema version 2) and its rendering seam.
 * {@link io.edgetwin.report.Report} is the root of an immutable tree of records: per variant a
 * {@link io.edgetwin.report.VariantResult} with its {@link io.edgetwin.report.Validity},
 * {@link io.edgetwin.report.DeviceCaps}, {@link io.edgetwin.report.RequestCounts},
 * {@link io.edgetwin.report.LatencySummary} and whole {@link io.edgetwin.report.EncodedHistogram},
 * time {@link io.edgetwin.report.Window}s, {@link io.edgetwin.report.FleetTwin}s,
 * {@link io.edgetwin.report.ResourceSeries} (samples stored by column in
 * {@link io.edgetwin.report.ResourceSamples}), {@link io.edgetwin.report.Event}s,
 * {@link io.edgetwin.report.ComponentResult}s and {@link io.edgetwin.report.ThresholdResult}s.
 * {@link io.edgetwin.report.ReportFormat} is the rendering seam and
 * {@link io.edgetwin.report.ReportFormats} lists the formats: {@link io.edgetwin.report.ReportJson}
 * (report.json, read back too), {@link io.edgetwin.report.ReportMarkdown} (report.md), report.html
 * ({@code html}) and junit.xml ({@code junit}). Depends on no other edgetwin module.
 */
package io.edgetwin.report;
