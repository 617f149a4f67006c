/**
 * The effect a run shows, in words and numbers: {@link io.edgetwin.report.headline.Headline#of}
 * picks which variants are compared with which (those a comparison threshold names, else every
 * variant with the first), and each {@link io.edgetwin.report.headline.Effect} states one pair in a
 * sentence ("limited vs unlimited: p99 4.2× lower (49.5 → 11.8 ms), ..."). The page, report.md and
 * the command line print the same sentences; {@link io.edgetwin.report.headline.Change} also gives
 * the tables' ratio and difference cells.
 */
package io.edgetwin.report.headline;
