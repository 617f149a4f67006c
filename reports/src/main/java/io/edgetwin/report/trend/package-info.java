/**
 * Trends over runs: {@link io.edgetwin.report.trend.Trend#of} lines up finished runs (their
 * report.json) in time order, with every threshold's value per variant, the gate outcome and where
 * the provenance changed; {@link io.edgetwin.report.trend.TrendCsv} and
 * {@link io.edgetwin.report.trend.TrendHtml} write trend.csv and trend.html from it.
 */
package io.edgetwin.report.trend;
