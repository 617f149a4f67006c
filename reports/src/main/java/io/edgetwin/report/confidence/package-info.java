/**
 * How sure a run is of what it measured: {@link io.edgetwin.report.confidence.RepeatedRuns} folds the
 * reports of {@code edgetwin run --repeat N} into one with medians and spreads, and
 * {@link io.edgetwin.report.confidence.WindowBootstrap} states each comparison between variants as a
 * ratio with a seeded bootstrap interval over 1 s windows.
 */
package io.edgetwin.report.confidence;
